{#- Revenue and logo retention by cohort: customers grouped by their first paying month, followed
    for twelve months. Month 0 is the cohort month itself; months 1 to 12 sum the rows of
    measures_revenue_retention_cohorts_compared for the cohort's own customers (valued at the cohort
    month's exchange rates, as the retention KPIs are), so the heatmap and the KPIs share one
    valuation. A later month appears once the as-of month reaches it. -#}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

comparisons as (

    select * from {{ ref('measures_revenue_retention_cohorts_compared') }}

),

first_paying_months as (

    select
        customer_id,
        min(month_start_date) as cohort_month_start_date

    from customer_months
    where is_paying
    group by customer_id

),

cohort_starts as (

    {#- Month 0: every customer of the cohort, paying by definition, at its cohort-month MRR. -#}
    select
        first_paying_months.cohort_month_start_date,
        0 as months_since_start,
        first_paying_months.cohort_month_start_date as month_start_date,
        count(*) as cohort_customers,
        count(*) as retained_customers,
        sum(customer_months.mrr) as cohort_mrr,
        sum(customer_months.mrr) as retained_mrr,
        sum(customer_months.mrr) as retained_mrr_capped

    from first_paying_months
    inner join customer_months
        on
            first_paying_months.customer_id = customer_months.customer_id
            and first_paying_months.cohort_month_start_date = customer_months.month_start_date
    group by first_paying_months.cohort_month_start_date

),

cohort_months as (

    {#- Months 1 to 12: the cohort's customers in the comparisons of their first paying month. -#}
    select
        comparisons.cohort_month_start_date,
        comparisons.lag_months as months_since_start,
        comparisons.month_start_date,
        count(*) as cohort_customers,
        sum(case when comparisons.current_mrr > 0 then 1 else 0 end) as retained_customers,
        sum(comparisons.cohort_mrr) as cohort_mrr,
        sum(comparisons.current_mrr) as retained_mrr,
        sum(comparisons.current_mrr_capped) as retained_mrr_capped

    from comparisons
    inner join first_paying_months
        on
            comparisons.customer_id = first_paying_months.customer_id
            and comparisons.cohort_month_start_date = first_paying_months.cohort_month_start_date
    group by comparisons.cohort_month_start_date, comparisons.lag_months, comparisons.month_start_date

),

unioned as (

    select * from cohort_starts
    union all
    select * from cohort_months

),

final as (

    select
        -- keys
        cast(cohort_month_start_date as date) as cohort_month_start_date,
        cast(months_since_start as integer) as months_since_start,
        cast(month_start_date as date) as month_start_date,

        -- counts
        cast(cohort_customers as integer) as cohort_customers,
        cast(retained_customers as integer) as retained_customers,

        -- amounts (reporting currency at the cohort month's rates)
        cast(cohort_mrr as decimal(38, 2)) as cohort_mrr,
        cast(retained_mrr as decimal(38, 2)) as retained_mrr,
        cast(retained_mrr_capped as decimal(38, 2)) as retained_mrr_capped,

        -- rates
        {{ safe_ratio('retained_customers', 'cohort_customers') }} as logo_retention_rate,
        {{ safe_ratio('retained_mrr', 'cohort_mrr') }} as net_revenue_retention_rate,
        {{ safe_ratio('retained_mrr_capped', 'cohort_mrr') }} as gross_revenue_retention_rate

    from unioned

)

select * from final
