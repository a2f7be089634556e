{#- One row per answered churn survey (a cancelled subscription whose customer said why): the reason,
    the shared customer key with the customer's current segment, and the plan tier of the cancelled
    subscription's price, dated by the cancellation's reporting date. -#}

with

cancellation_reasons as (

    select * from {{ ref('stg_billing__cancellation_reasons') }}

),

subscriptions as (

    select * from {{ ref('stg_billing__subscriptions') }}

),

prices as (

    select * from {{ ref('stg_billing__prices') }}

),

customer_identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}
    where source_system = 'billing_customer'

),

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

final as (

    select
        -- ids
        cancellation_reasons.subscription_id,
        cancellation_reasons.billing_customer_id,
        customer_identifiers.customer_id,

        -- attributes
        cancellation_reasons.cancellation_reason,
        cancellation_reasons.comment_text,
        customers.segment as customer_segment,
        prices.plan_tier,

        -- dates
        {{ to_reporting_date('cancellation_reasons.canceled_at') }} as canceled_date,

        -- timestamps
        cancellation_reasons.canceled_at

    from cancellation_reasons
    left join customer_identifiers
        on cancellation_reasons.billing_customer_id = customer_identifiers.source_record_id
    left join customers
        on customer_identifiers.customer_id = customers.customer_id
    left join subscriptions
        on cancellation_reasons.subscription_id = subscriptions.subscription_id
    left join prices
        on subscriptions.price_id = prices.price_id

)

select * from final
