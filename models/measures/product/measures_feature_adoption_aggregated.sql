{#- Feature adoption per period (month, quarter, year): the customers paying in the period (MRR > 0
    in at least one of its months, fct_customer_mrr_monthly) and, of them, those whose product
    users tracked an event in the period: any event on the company row, each event name (feature)
    on its `event_name` row, all over the same paying customers. The measures of
    feature_adoption_rate. Every period has a company row (zeros when nobody paid); an event name
    has a row in the periods a paying customer used it. -#}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

user_event_days as (

    select * from {{ ref('fct_product_event_usage_daily') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

paying_customer_periods as (

    {{ paying_customers_in_periods('customer_months', 'reporting_periods') }}

),

paying_counts as (

    select
        period_grain,
        period_start,
        count(*) as paying_customers

    from paying_customer_periods
    group by
        period_grain,
        period_start

),

feature_uses as (

    {#- Each paying customer once per period and event name it used. -#}
    select distinct
        paying_customer_periods.period_grain,
        paying_customer_periods.period_start,
        paying_customer_periods.customer_id,
        user_event_days.event_name

    from paying_customer_periods
    inner join reporting_periods
        on
            paying_customer_periods.period_grain = reporting_periods.period_grain
            and paying_customer_periods.period_start = reporting_periods.period_start
    inner join user_event_days
        on
            paying_customer_periods.customer_id = user_event_days.customer_id
            and user_event_days.activity_date between reporting_periods.period_start and reporting_periods.period_last_date

),

feature_uses_by_dimension as (

    {{ unpivot_dimensions('feature_uses', ['event_name']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(distinct customer_id) as adopting_customers

    from feature_uses_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

row_keys as (

    {{ period_row_keys('aggregated', 'reporting_periods') }}

),

final as (

    {#- Every row of a period divides by the same paying customers: an event name's adopters are a
        share of all of them, not of the feature's users. -#}
    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        cast(coalesce(aggregated.adopting_customers, 0) as {{ dbt.type_bigint() }}) as adopting_customers,
        cast(coalesce(paying_counts.paying_customers, 0) as {{ dbt.type_bigint() }}) as paying_customers

    from row_keys
    left join aggregated
        on {{ kpi_row_join('row_keys', 'aggregated') }}
    left join paying_counts
        on
            row_keys.period_grain = paying_counts.period_grain
            and row_keys.period_start = paying_counts.period_start

)

select * from final
