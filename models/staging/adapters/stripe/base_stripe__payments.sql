{#- Payments (raw contract `billing.payments`) from Fivetran's Stripe `charge`, with `refunded_at`
    the creation time of the charge's latest refund that did not fail or get canceled (optional table
    `refund`), for a charge with an amount refunded. -#}
with

charge as (

    select * from {{ source('stripe', 'charge') }}

),

refund as (

    select * from {{ source('stripe', 'refund') }}

),

latest_refunds as (

    select
        charge_id,
        max(created) as refunded_at
    from refund
    where lower(coalesce(status, 'succeeded')) not in ('failed', 'canceled')
    group by charge_id

),

final as (

    select
        -- ids
        charge.id,
        charge.invoice_id,
        charge.customer_id,

        -- numerics (integer minor units of currency)
        cast(charge.amount as bigint) as amount,
        cast(coalesce(charge.amount_refunded, 0) as bigint) as amount_refunded,
        charge.currency,

        -- strings
        charge.status,
        charge.failure_code,

        -- timestamps
        charge.created,
        case when charge.amount_refunded > 0 then latest_refunds.refunded_at end as refunded_at,

        -- sync
        charge._fivetran_synced as _loaded_at

    from charge
    left join latest_refunds
        on charge.id = latest_refunds.charge_id

)

select * from final
