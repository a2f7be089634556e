{#- Website sessions per period (month, quarter, year) and breakdown (channel), from fct_web_sessions
    by the session's start day: sessions, their page views and high-intent page views,
    sales-aligned sessions, sessions that reached the signup page and those of them that
    completed the signup, and the sales-aligned sessions of the previous period of the same grain
    and breakdown (for growth). The measures of website_traffic, high_intent_page_views,
    traffic_growth_sales_aligned and signup_funnel_completion_rate. Every period has a
    company row (zeros when nobody visited); a channel has a row where it had sessions in the period or the period before. -#}

with

sessions as (

    select * from {{ ref('fct_web_sessions') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

sessions_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        sessions.channel,
        sessions.page_views,
        sessions.high_intent_page_views,
        case when sessions.is_sales_aligned then 1 else 0 end as is_sales_aligned,
        case when sessions.has_reached_signup_page then 1 else 0 end as has_reached_signup_page,
        case when sessions.has_completed_signup then 1 else 0 end as has_completed_signup

    from sessions
    inner join reporting_periods
        on sessions.started_date between reporting_periods.period_start and reporting_periods.period_last_date

),

sessions_by_dimension as (

    {{ unpivot_dimensions('sessions_in_periods', ['channel']) }}

),

period_counts as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as sessions,
        sum(page_views) as page_views,
        sum(high_intent_page_views) as high_intent_page_views,
        sum(is_sales_aligned) as sales_aligned_sessions,
        sum(has_reached_signup_page) as signup_page_sessions,
        sum(has_completed_signup) as signup_completed_sessions

    from sessions_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

next_period_counts as (

    {#- Each period's sales-aligned sessions, moved to the next period of its grain as that
        period's previous count. -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        period_counts.dimension,
        period_counts.dimension_value,
        period_counts.sales_aligned_sessions as previous_sales_aligned_sessions

    from period_counts
    inner join reporting_periods
        on
            period_counts.period_grain = reporting_periods.period_grain
            and period_counts.period_start = reporting_periods.previous_period_start

),

aggregated as (

    select
        coalesce(period_counts.period_grain, next_period_counts.period_grain) as period_grain,
        coalesce(period_counts.period_start, next_period_counts.period_start) as period_start,
        coalesce(period_counts.dimension, next_period_counts.dimension) as dimension,
        coalesce(period_counts.dimension_value, next_period_counts.dimension_value) as dimension_value,
        period_counts.sessions,
        period_counts.page_views,
        period_counts.high_intent_page_views,
        period_counts.sales_aligned_sessions,
        period_counts.signup_page_sessions,
        period_counts.signup_completed_sessions,
        next_period_counts.previous_sales_aligned_sessions

    from period_counts
    full outer join next_period_counts
        on {{ kpi_row_join('period_counts', 'next_period_counts') }}

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['sessions', 'page_views', 'high_intent_page_views', 'sales_aligned_sessions', 'signup_page_sessions',
        'signup_completed_sessions', 'previous_sales_aligned_sessions'],
) }}
