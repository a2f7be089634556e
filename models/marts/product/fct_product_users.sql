{#- One row per product user with signup, first key value action, time to first value and the
    product-qualified-lead milestone: the drill-through fact behind the product-led growth KPIs
    (the rules: int_product_users_activated). -#}

with

product_users as (

    select * from {{ ref('int_product_users_activated') }}

),

final as (

    select
        product_user_id,
        customer_id,
        signup_type,
        signup_source,
        signup_at,
        signup_date,
        first_value_action_at,
        days_to_first_value,
        has_value_within_window,
        is_value_window_ended,
        qualified_at,
        days_to_qualification,
        is_product_qualified,
        is_pql_window_ended

    from product_users

)

select * from final
