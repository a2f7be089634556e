{#- Month-end MRR snapshot per customer, invoice currency and month, for the months in which the
    customer has at least one recurring line in service. A line is in a month's snapshot when its
    service period covers the snapshot date (the month's last day, or the as-of date in the
    current month): service_start_date <= snapshot_date < service_end_date. -#}

with

lines as (

    select * from {{ ref('int_subscription_lines_normalized') }}

),

months as (

    select
        period_start as month_start_date,
        period_last_date as snapshot_date
    from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'month'

),

line_months as (

    select
        lines.*,
        months.month_start_date,
        months.snapshot_date,
        {{ convert_currency('lines.contracted_mrr_local', 'lines.fx_rate') }} as contracted_mrr_converted,
        {{ convert_currency('lines.mrr_local', 'lines.fx_rate') }} as mrr_converted

    from lines
    inner join months
        on
            lines.service_start_date <= months.snapshot_date
            and lines.service_end_date > months.snapshot_date

),

largest_lines as (

    {#- The plan tier of the month is the tier of the largest line in service (by contracted MRR;
        ties go to the alphabetically first tier, so the choice never depends on row order). -#}
    select
        customer_id,
        currency_code,
        month_start_date,
        plan_tier,
        contracted_mrr_converted,
        row_number() over (
            partition by customer_id, currency_code, month_start_date
            order by contracted_mrr_converted desc, plan_tier asc
        ) as size_rank

    from line_months

),

currency_months as (

    select
        customer_id,
        currency_code,
        month_start_date,
        snapshot_date,
        cast(sum(mrr_local) as decimal(38, 6)) as mrr_local,
        cast(sum(contracted_mrr_local) as decimal(38, 6)) as contracted_mrr_local,
        sum(mrr_converted) as mrr_converted,
        {{ round_to_scale('sum(mrr_converted)', 2) }} as mrr,
        {{ round_to_scale('sum(contracted_mrr_converted)', 2) }} as contracted_mrr

    from line_months
    group by customer_id, currency_code, month_start_date, snapshot_date

),

fx_effects as (

    {#- FX impact: last month's MRR in the invoice currency valued at this month's rate, minus last
        month's MRR as reported (both rounded to the cent, so a change of rate alone is all FX). A month's rate is the MRR-weighted rate of its lines (each line
        converts at its service period's start month), so an annual plan keeps its rate all year
        and shows no FX impact until it renews. Only when the currency's MRR is positive in both
        months; otherwise the whole change is a movement. -#}
    select
        currency_months.*,
        cast(coalesce(previous_months.mrr_local, 0) as decimal(38, 6)) as previous_mrr_local,
        cast(case
            when previous_months.mrr_local > 0 and currency_months.mrr_local > 0
                then {{ round_to_scale(divided(
                    'previous_months.mrr_local * currency_months.mrr_converted', 'currency_months.mrr_local'
                ), 2) }} - previous_months.mrr
            else 0
        end as decimal(38, 2)) as fx_impact_mrr

    from currency_months
    left join currency_months as previous_months
        on
            currency_months.customer_id = previous_months.customer_id
            and currency_months.currency_code = previous_months.currency_code
            and previous_months.month_start_date
            = cast({{ dbt.dateadd('month', -1, 'currency_months.month_start_date') }} as date)

),

final as (

    select
        fx_effects.customer_id,
        fx_effects.currency_code,
        fx_effects.month_start_date,
        fx_effects.snapshot_date,
        largest_lines.plan_tier,
        fx_effects.mrr_local,
        fx_effects.contracted_mrr_local,
        fx_effects.previous_mrr_local,
        fx_effects.mrr,
        fx_effects.contracted_mrr,
        fx_effects.fx_impact_mrr

    from fx_effects
    inner join largest_lines
        on
            fx_effects.customer_id = largest_lines.customer_id
            and fx_effects.currency_code = largest_lines.currency_code
            and fx_effects.month_start_date = largest_lines.month_start_date
            and largest_lines.size_rank = 1

)

select * from final
