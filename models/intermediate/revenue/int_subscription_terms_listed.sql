{#- One row per subscription term: a service period [period_start_at, period_end_at) a subscription
    was billed for by a `subscription` invoice line on a finalised invoice (not void, not draft).
    Proration lines (`invoiceitem`) are adjustments inside a term, never a term of their own. A voided
    invoice's lines drop out; if two live invoices bill the same subscription and period start (a
    reissue), the term is kept once, from the invoice created last. Each term knows the start of the
    subscription's next term, and from it whether it renewed (the next term starts within var
    `contract_renewal_tolerance_days` of its end, whatever the next term's interval) or was superseded
    (a new term began before its end, e.g. a plan change that reset the billing cycle). -#}

with

invoice_line_items as (

    select * from {{ ref('stg_billing__invoice_line_items') }}

),

invoices as (

    select * from {{ ref('stg_billing__invoices') }}

),

prices as (

    select * from {{ ref('stg_billing__prices') }}

),

subscription_lines as (

    select
        invoice_line_items.invoice_line_item_id,
        invoice_line_items.invoice_id,
        invoice_line_items.subscription_id,
        invoices.billing_customer_id,
        invoice_line_items.price_id,
        invoice_line_items.currency_code,
        invoice_line_items.quantity,
        invoice_line_items.amount,
        invoice_line_items.discount_amount,
        invoice_line_items.period_start_at,
        invoice_line_items.period_end_at,
        row_number() over (
            partition by invoice_line_items.subscription_id, invoice_line_items.period_start_at
            order by invoices.created_at desc, invoice_line_items.invoice_line_item_id desc
        ) as reissue_rank

    from invoice_line_items
    inner join invoices
        on invoice_line_items.invoice_id = invoices.invoice_id
    where
        invoice_line_items.line_type = 'subscription'
        and {{ is_issued_invoice('invoices.status') }}

),

terms as (

    select
        subscription_lines.invoice_line_item_id,
        subscription_lines.invoice_id,
        subscription_lines.subscription_id,
        subscription_lines.billing_customer_id,
        subscription_lines.price_id,
        prices.plan_tier,
        prices.interval_months,
        subscription_lines.currency_code,
        subscription_lines.quantity,
        subscription_lines.amount,
        subscription_lines.discount_amount,
        cast(subscription_lines.amount - subscription_lines.discount_amount as decimal(38, 6)) as net_amount,
        subscription_lines.period_start_at,
        subscription_lines.period_end_at,
        lead(subscription_lines.period_start_at) over (
            partition by subscription_lines.subscription_id
            order by subscription_lines.period_start_at
        ) as next_term_start_at

    from subscription_lines
    left join prices
        on subscription_lines.price_id = prices.price_id
    where subscription_lines.reissue_rank = 1

),

final as (

    select
        -- ids
        invoice_line_item_id,
        invoice_id,
        subscription_id,
        billing_customer_id,
        price_id,

        -- attributes
        plan_tier,
        interval_months,
        currency_code,

        -- numerics (major units of currency_code)
        quantity,
        amount,
        discount_amount,
        net_amount,

        -- booleans
        net_amount > 0 as is_paying,
        coalesce(
            next_term_start_at < {{ dbt.dateadd('day', -checked_var('contract_renewal_tolerance_days', minimum=0), 'period_end_at') }},
            false
        ) as is_superseded,
        coalesce(
            next_term_start_at >= {{ dbt.dateadd('day', -checked_var('contract_renewal_tolerance_days', minimum=0), 'period_end_at') }}
            and next_term_start_at <= {{ dbt.dateadd('day', checked_var('contract_renewal_tolerance_days', minimum=0), 'period_end_at') }},
            false
        ) as is_renewed,

        -- timestamps
        period_start_at,
        period_end_at,
        next_term_start_at

    from terms

)

select * from final
