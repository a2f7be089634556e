{#- One row per product user, active day and event name with the day's events of that name, the
    user's customer (shared key) and signup attributes: the drill-through fact behind
    product_usage_events and feature_adoption_rate (fct_product_usage_daily is its roll-up per
    user and day). -#}

with

user_event_days as (

    select * from {{ ref('int_product_user_event_days_counted') }}

),

product_users as (

    select * from {{ ref('int_product_users_activated') }}

),

final as (

    select
        user_event_days.product_user_id,
        user_event_days.activity_date,
        user_event_days.event_name,
        product_users.customer_id,
        product_users.signup_type,
        product_users.signup_source,
        user_event_days.is_value_action,
        user_event_days.events

    from user_event_days
    left join product_users
        on user_event_days.product_user_id = product_users.product_user_id

)

select * from final
