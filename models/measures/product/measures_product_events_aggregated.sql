{#- Tracked product events per period (month, quarter, year) and breakdown (event name, the user's
    signup type and source), up to the as-of date. The measures of product_usage_events. Every
    period has a company row (0 when nothing was tracked); a breakdown value has a row in the
    periods its events occurred in. -#}

with

user_event_days as (

    select * from {{ ref('fct_product_event_usage_daily') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

events_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        user_event_days.event_name,
        user_event_days.signup_type,
        user_event_days.signup_source,
        user_event_days.events

    from user_event_days
    inner join reporting_periods
        on user_event_days.activity_date between reporting_periods.period_start and reporting_periods.period_last_date

),

events_by_dimension as (

    {{ unpivot_dimensions('events_in_periods', ['event_name', 'signup_type', 'signup_source']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(events) as events

    from events_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['events'], data_types={'events': dbt.type_bigint()}) }}
