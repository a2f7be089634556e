{#- One row per product user and day (reporting timezone) with at least one tracked event up to the
    as-of date: the day's events and key value actions (var product_value_events), summed over the
    event names of int_product_user_event_days_counted. The activity the usage KPIs (daily and
    monthly active users, stickiness) count. -#}

with

user_event_days as (

    select * from {{ ref('int_product_user_event_days_counted') }}

),

final as (

    select
        product_user_id,
        activity_date,
        cast(sum(events) as {{ dbt.type_bigint() }}) as events,
        cast(sum(case when is_value_action then events else 0 end) as {{ dbt.type_bigint() }}) as value_actions

    from user_event_days
    group by
        product_user_id,
        activity_date

)

select * from final
