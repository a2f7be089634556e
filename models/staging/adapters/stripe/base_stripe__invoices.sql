{#- Invoices (raw contract `billing.invoices`) from Fivetran's Stripe `invoice`. The discount is
    Stripe's total discount, the sum of the invoice's line discounts (base_stripe__invoice_line_items);
    a null tax (no tax rate) is 0; draft invoices deleted in Stripe are left out. -#}
with

invoice as (

    select * from {{ source('stripe', 'invoice') }}

),

invoice_line_items as (

    select * from {{ ref('base_stripe__invoice_line_items') }}

),

invoice_discounts as (

    select
        invoice_id,
        sum(discount_amount) as discount
    from invoice_line_items
    group by invoice_id

),

final as (

    select
        -- ids
        invoice.id,
        invoice.customer_id,
        invoice.subscription_id,

        -- strings
        invoice.number,
        invoice.status,
        invoice.currency,

        -- numerics (integer minor units of currency)
        cast(invoice.subtotal as bigint) as subtotal,
        cast(coalesce(invoice_discounts.discount, 0) as bigint) as discount,
        cast(coalesce(invoice.tax, 0) as bigint) as tax,
        cast(invoice.total as bigint) as total,
        cast(invoice.amount_paid as bigint) as amount_paid,

        -- timestamps
        invoice.period_start,
        invoice.period_end,
        invoice.created,

        -- sync
        invoice._fivetran_synced as _loaded_at

    from invoice
    left join invoice_discounts
        on invoice.id = invoice_discounts.invoice_id
    where not coalesce(invoice.is_deleted, false)

)

select * from final
