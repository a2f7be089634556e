{#- Billed revenue per period (month, quarter, year up to the as-of date) and breakdown, and the
    days of the period it covers: the measures of run_rate. Every breakdown value the data has is
    reported in every period (zero without revenue); a period with an unconverted amount is null. -#}

with

revenue_events as (

    select * from {{ ref('int_billed_revenue_listed') }}

),

customers as (

    select
        customer_id,
        segment as customer_segment,
        region
    from {{ ref('dim_customers') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

revenue_with_customers as (

    select
        revenue_events.revenue_date,
        revenue_events.revenue_amount,
        revenue_events.currency_code,
        customers.customer_segment,
        customers.region

    from revenue_events
    left join customers
        on revenue_events.customer_id = customers.customer_id

),

revenue_dimensions as (

    {{ unpivot_dimensions('revenue_with_customers', ['currency_code', 'customer_segment', 'region']) }}

),

breakdowns as (

    {#- Every breakdown value the data has, reported in every period (zero where it had no
        revenue), and the company total, reported for every period even without any revenue. -#}
    select
        dimension,
        dimension_value
    from revenue_dimensions

    union distinct

    select
        'all' as dimension,
        'all' as dimension_value

),

period_breakdowns as (

    select
        periods.period_grain,
        periods.period_start,
        cast(
            {{ dbt.datediff('periods.period_start', 'periods.period_last_date', 'day') }} + 1 as {{ dbt.type_int() }}
        ) as days_in_period,
        breakdowns.dimension,
        breakdowns.dimension_value

    from periods
    cross join breakdowns

),

period_revenue as (

    select
        periods.period_grain,
        periods.period_start,
        revenue_dimensions.dimension,
        revenue_dimensions.dimension_value,
        sum(revenue_dimensions.revenue_amount) as revenue_amount,
        sum(case when revenue_dimensions.revenue_amount is null then 1 else 0 end) as unconverted_count

    from revenue_dimensions
    inner join periods
        on revenue_dimensions.revenue_date between periods.period_start and periods.period_last_date
    group by
        periods.period_grain,
        periods.period_start,
        revenue_dimensions.dimension,
        revenue_dimensions.dimension_value

),

period_totals as (

    select
        period_breakdowns.period_grain,
        period_breakdowns.period_start,
        period_breakdowns.dimension,
        period_breakdowns.dimension_value,
        case
            when period_revenue.unconverted_count > 0 then null
            else cast(coalesce(period_revenue.revenue_amount, 0) as decimal(38, 14))
        end as billed_revenue,
        period_breakdowns.days_in_period

    from period_breakdowns
    left join period_revenue
        on {{ kpi_row_join('period_breakdowns', 'period_revenue') }}

),

final as (

    select * from period_totals

)

select * from final
