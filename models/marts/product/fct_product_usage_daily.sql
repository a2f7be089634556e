{#- One row per product user and active day with the day's events and key value actions, the
    user's customer (shared key) and signup attributes: the drill-through fact behind daily and
    monthly active users and stickiness; group by customer_id for an account's daily usage. -#}

with

user_days as (

    select * from {{ ref('int_product_user_days_counted') }}

),

product_users as (

    select * from {{ ref('int_product_users_activated') }}

),

final as (

    select
        user_days.product_user_id,
        user_days.activity_date,
        product_users.customer_id,
        product_users.signup_type,
        product_users.signup_source,
        user_days.events,
        user_days.value_actions

    from user_days
    left join product_users
        on user_days.product_user_id = product_users.product_user_id

)

select * from final
