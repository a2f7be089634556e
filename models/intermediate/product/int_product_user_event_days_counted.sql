{#- One row per product user, day (reporting timezone) and event name with at least one tracked
    event up to the as-of date: the day's events of that name and whether the name is a key value
    action (var product_value_events). The activity the usage KPIs count: by event name for usage
    volume and feature adoption, rolled up per user and day in int_product_user_days_counted. -#}

with

tracks as (

    select * from {{ ref('stg_product__tracks') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

dated_events as (

    select
        product_user_id,
        event_name,
        is_value_action,
        {{ to_reporting_date('occurred_at') }} as activity_date

    from tracks

),

final as (

    select
        dated_events.product_user_id,
        dated_events.activity_date,
        dated_events.event_name,
        dated_events.is_value_action,
        cast(count(*) as {{ dbt.type_bigint() }}) as events

    from dated_events
    cross join bounds
    where dated_events.activity_date <= bounds.as_of_date
    group by
        dated_events.product_user_id,
        dated_events.activity_date,
        dated_events.event_name,
        dated_events.is_value_action

)

select * from final
