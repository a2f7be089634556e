{#- Invoice lines (raw contract `billing.invoice_line_items`) from Fivetran's Stripe
    `invoice_line_item`, with each line's discount: the sum of the `discount` rows whose object is the
    line (`type_id`), i.e. Stripe's `discount_amounts` of the line (0 without any, or without the
    optional `discount` table). -#}
with

invoice_line_item as (

    select * from {{ source('stripe', 'invoice_line_item') }}

),

discount as (

    select * from {{ source('stripe', 'discount') }}

),

line_discounts as (

    select
        type_id as line_id,
        sum(amount) as discount_amount
    from discount
    where amount is not null
    group by type_id

),

lines as (

    select
        invoice_line_item.*,
        coalesce(invoice_line_item.unique_id, invoice_line_item.id) as line_id,
        coalesce(invoice_line_item.proration, false) as is_proration
    from invoice_line_item

),

final as (

    select
        -- ids
        lines.line_id as id,
        lines.invoice_id,
        lines.subscription_id,
        coalesce(lines.price_id, lines.plan_id) as price_id,

        -- strings. From Stripe API version 2025-03-31 on `type` is null and the line's invoice item
        -- (or its being a proration) says it; `type` is the contract's name (hence the noqa)
        coalesce(
            lines.type,
            case when lines.invoice_item_id is not null or lines.is_proration then 'invoiceitem' else 'subscription' end
        ) as type,  -- noqa: RF04
        lines.description,

        -- numerics (integer minor units of currency)
        cast(lines.quantity as integer) as quantity,
        cast(lines.amount as bigint) as amount,
        cast(coalesce(line_discounts.discount_amount, 0) as bigint) as discount_amount,

        -- booleans
        lines.is_proration,

        -- timestamps
        lines.period_start,
        lines.period_end,

        -- currency of the amounts
        lines.currency,

        -- sync
        lines._fivetran_synced as _loaded_at

    from lines
    left join line_discounts
        on lines.line_id = line_discounts.line_id

)

select * from final
