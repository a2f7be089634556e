{#- One row per product user and day (reporting timezone) with at least one tracked event up to the
    as-of date: the day's events and key value actions (var product_value_events). The activity
    the usage KPIs (daily and monthly active users, stickiness) count. -#}

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
        {{ to_reporting_date('occurred_at') }} as activity_date,
        case when is_value_action then 1 else 0 end as is_value_action

    from tracks

),

final as (

    select
        dated_events.product_user_id,
        dated_events.activity_date,
        cast(count(*) as {{ dbt.type_bigint() }}) as events,
        cast(sum(dated_events.is_value_action) as {{ dbt.type_bigint() }}) as value_actions

    from dated_events
    cross join bounds
    where dated_events.activity_date <= bounds.as_of_date
    group by
        dated_events.product_user_id,
        dated_events.activity_date

)

select * from final
