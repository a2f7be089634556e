{#- Per month and breakdown, the month's billed revenue per day beside the billed revenue per day of
    the twelve months ending with it (measures_run_rate_aggregated): the measures of
    revenue_seasonality_index. Revenue per day, so that a 28-day February and the current month
    (counted to the as-of date) compare fairly with 31-day months. The trailing figure is null until
    twelve months of revenue data exist (the window reaches before the company's first month with
    billed revenue) and when a month of the window has an unconverted amount. -#}
{%- set window_months = 12 -%}

with

monthly_revenue as (

    select * from {{ ref('measures_run_rate_aggregated') }}
    where period_grain = 'month'

),

data_start as (

    {#- The first month of revenue data; the calendar may start earlier, and months before it are
        unknown, not zero. -#}
    select min(period_start) as first_month_start_date
    from monthly_revenue
    where dimension = 'all' and billed_revenue > 0

),

windows as (

    {#- Every breakdown value has a row in every month (measures_run_rate_aggregated), so the
        twelve rows of a complete window are twelve months. -#}
    select
        months.period_start,
        months.dimension,
        months.dimension_value,
        months.billed_revenue,
        months.days_in_period,
        count(*) as months_in_window,
        sum(case when window_months.billed_revenue is null then 1 else 0 end) as unconverted_months,
        sum(window_months.billed_revenue) as trailing_billed_revenue,
        sum(window_months.days_in_period) as trailing_days

    from monthly_revenue as months
    inner join monthly_revenue as window_months
        on
            months.dimension = window_months.dimension
            and months.dimension_value = window_months.dimension_value
            and window_months.period_start
            between cast({{ dbt.dateadd('month', 1 - window_months, 'months.period_start') }} as date)
            and months.period_start
    group by
        months.period_start,
        months.dimension,
        months.dimension_value,
        months.billed_revenue,
        months.days_in_period

),

final as (

    select
        'month' as period_grain,
        windows.period_start,
        windows.dimension,
        windows.dimension_value,
        {{ round_to_scale('windows.billed_revenue', 2) }} as billed_revenue,
        windows.days_in_period,
        {{ round_to_scale(divided('windows.billed_revenue', 'windows.days_in_period'), 10) }}
            as daily_revenue,
        windows.trailing_days,
        cast(
            case
                when
                    windows.months_in_window = {{ window_months }}
                    and windows.unconverted_months = 0
                    and cast({{ dbt.dateadd('month', 1 - window_months, 'windows.period_start') }} as date)
                    >= data_start.first_month_start_date
                    then {{ round_to_scale(divided('windows.trailing_billed_revenue', 'windows.trailing_days'), 10) }}
            end as decimal(38, 10)
        ) as trailing_daily_revenue

    from windows
    cross join data_start

)

select * from final
