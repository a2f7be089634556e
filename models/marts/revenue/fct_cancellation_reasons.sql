{#- One row per answered churn survey with its reason, customer, segment and plan tier: the
    drill-through fact behind exit_reason_frequency (the rules: int_cancellation_reasons_attributed). -#}

with

cancellation_reasons as (

    select * from {{ ref('int_cancellation_reasons_attributed') }}

),

final as (

    select
        subscription_id,
        billing_customer_id,
        customer_id,
        cancellation_reason,
        comment_text,
        customer_segment,
        plan_tier,
        canceled_date,
        canceled_at

    from cancellation_reasons

)

select * from final
