{#- The customer × month revenue spine: one row per customer and month from the customer's first
    month with positive MRR to the month after its last one (the churn row), or to the as-of month
    while it still pays; months without MRR in between are kept as zero rows. Each row carries
    last month's MRR and splits the change into exactly one kind of movement plus FX impact. -#}

with

currency_months as (

    select * from {{ ref('int_customer_currency_months_snapshotted') }}

),

months as (

    select
        period_start as month_start_date,
        period_last_date as snapshot_date
    from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'month'

),

customer_months as (

    {#- A customer paying in two currencies is one customer: its currencies add up; its plan tier
        is the one of its largest currency-month. -#}
    select
        customer_id,
        month_start_date,
        sum(mrr) as mrr,
        sum(contracted_mrr) as contracted_mrr,
        sum(fx_impact_mrr) as fx_impact_mrr,
        min(case when tier_rank = 1 then plan_tier end) as plan_tier

    from (
        select
            *,
            row_number() over (
                partition by customer_id, month_start_date
                order by contracted_mrr desc, plan_tier asc
            ) as tier_rank
        from currency_months
    ) as ranked_currency_months
    group by customer_id, month_start_date

),

customer_ranges as (

    {#- The spine ends one month after the last paying month (the churn row), but never after the
        as-of month: a customer still paying at the end of the data has no churn row. -#}
    select
        customer_id,
        min(month_start_date) as first_paying_month,
        cast({{ dbt.dateadd('month', 1, 'max(month_start_date)') }} as date) as month_after_last_paying

    from customer_months
    where mrr > 0
    group by customer_id

),

spine as (

    select
        customer_ranges.customer_id,
        months.month_start_date,
        months.snapshot_date,
        customer_ranges.first_paying_month

    from customer_ranges
    inner join months
        on
            customer_ranges.first_paying_month <= months.month_start_date
            and customer_ranges.month_after_last_paying >= months.month_start_date

),

filled as (

    select
        spine.customer_id,
        spine.month_start_date,
        spine.snapshot_date,
        spine.first_paying_month,
        customer_months.plan_tier,
        coalesce(customer_months.mrr, 0) as mrr,
        coalesce(customer_months.contracted_mrr, 0) as contracted_mrr,
        coalesce(customer_months.fx_impact_mrr, 0) as fx_impact_mrr,
        coalesce(lag(customer_months.mrr) over (
            partition by spine.customer_id order by spine.month_start_date
        ), 0) as previous_mrr,
        {#- The latest month up to this one in which the customer had a line in service: zero
            rows (churn, gaps) keep the plan tier the customer last had. -#}
        max(case when customer_months.plan_tier is not null then spine.month_start_date end) over (
            partition by spine.customer_id order by spine.month_start_date
            rows between unbounded preceding and current row
        ) as plan_tier_month

    from spine
    left join customer_months
        on
            spine.customer_id = customer_months.customer_id
            and spine.month_start_date = customer_months.month_start_date

),

classified as (

    {#- Order matters: new and reactivation are decided on previous_mrr = 0 before any comparison
        of the two months, so a return after a churn is never read as expansion. FX impact only
        applies while the customer pays in both months; the rest of the change is expansion or
        contraction, so exchange rates never count as either. -#}
    select
        *,
        case
            when previous_mrr <= 0 and mrr > 0 and month_start_date = first_paying_month then 'new'
            when previous_mrr <= 0 and mrr > 0 then 'reactivation'
            when previous_mrr > 0 and mrr <= 0 then 'churn'
            when previous_mrr > 0 and mrr - previous_mrr - fx_impact_mrr > 0 then 'expansion'
            when previous_mrr > 0 and mrr - previous_mrr - fx_impact_mrr < 0 then 'contraction'
            when previous_mrr > 0 then 'unchanged'
            else 'inactive'
        end as movement_type

    from filled

),

final as (

    select
        classified.customer_id,
        classified.month_start_date,
        classified.snapshot_date,
        tiers.plan_tier,
        classified.movement_type,
        cast(classified.previous_mrr as decimal(38, 2)) as previous_mrr,
        cast(classified.mrr as decimal(38, 2)) as mrr,
        cast(classified.contracted_mrr as decimal(38, 2)) as contracted_mrr,
        cast(case when classified.movement_type = 'new' then classified.mrr else 0 end as decimal(38, 2)) as new_mrr,
        cast(case
            when classified.movement_type = 'expansion'
                then classified.mrr - classified.previous_mrr - classified.fx_impact_mrr
            else 0
        end as decimal(38, 2)) as expansion_mrr,
        cast(case
            when classified.movement_type = 'contraction'
                then classified.previous_mrr + classified.fx_impact_mrr - classified.mrr
            else 0
        end as decimal(38, 2)) as contraction_mrr,
        cast(case when classified.movement_type = 'churn' then classified.previous_mrr else 0 end as decimal(38, 2)) as churned_mrr,
        cast(case when classified.movement_type = 'reactivation' then classified.mrr else 0 end as decimal(38, 2)) as reactivation_mrr,
        cast(case
            when classified.movement_type in ('expansion', 'contraction', 'unchanged')
                then classified.fx_impact_mrr
            else 0
        end as decimal(38, 2)) as fx_impact_mrr

    from classified
    left join customer_months as tiers
        on
            classified.customer_id = tiers.customer_id
            and classified.plan_tier_month = tiers.month_start_date

)

select * from final
