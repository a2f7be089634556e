{#- Billed revenue as dated events: every line of an issued invoice (net of its discount, ex tax)
    on the invoice's date, and the ex-tax share of every refund on the refund's date, each in the
    reporting currency at the rate of the invoice's month, with the customer and the invoice it
    belongs to. What run_rate sums per period; its invoices are purchase_frequency's purchases. -#}

with

invoices as (

    select * from {{ ref('stg_billing__invoices') }}

),

line_items as (

    select * from {{ ref('stg_billing__invoice_line_items') }}

),

payments as (

    select * from {{ ref('stg_billing__payments') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

customer_keys as (

    {{ billing_customer_keys() }}

),

issued_invoices as (

    {#- Invoices that bill revenue: paid, open or uncollectible. A void invoice was cancelled or
        replaced, a draft is not issued yet. Each is dated on the day it was created (reporting
        timezone) and carries the FX rate of that month; a missing rate leaves fx_rate null, which
        makes the period's numerator null and fails the not_null test instead of losing revenue. -#}
    select
        invoices.invoice_id,
        invoices.billing_customer_id,
        invoices.status as invoice_status,
        invoices.currency_code,
        invoices.total_amount,
        invoices.tax_amount,
        {{ to_reporting_date('invoices.created_at') }} as invoice_date,
        fx_rates.rate_to_reporting_currency as fx_rate

    from invoices
    left join fx_rates
        on
            invoices.currency_code = fx_rates.currency_code
            and cast({{ dbt.date_trunc('month', to_reporting_date('invoices.created_at')) }} as date)
            = fx_rates.month_start_date
    where {{ is_issued_invoice('invoices.status') }}

),

invoiced_revenue as (

    {#- Every line of an issued invoice (subscription lines, proration charges and credits, one-time
        charges), net of its line discount, without tax, converted exactly (no rounding). -#}
    select
        issued_invoices.invoice_id,
        false as is_refund,
        issued_invoices.invoice_status,
        issued_invoices.billing_customer_id,
        issued_invoices.currency_code,
        issued_invoices.invoice_date as revenue_date,
        cast(
            {{ convert_currency('line_items.amount - line_items.discount_amount', 'issued_invoices.fx_rate') }}
            as decimal(38, 14)
        ) as revenue_amount

    from line_items
    inner join issued_invoices
        on line_items.invoice_id = issued_invoices.invoice_id

),

refunded_revenue as (

    {#- A refund returns part of the invoice total, tax included: only its ex-tax share
        (refunded × (total - tax) / total, to 6 decimals) is revenue given back. It counts on the day
        of the refund, at the FX rate of the refunded invoice's month, so a full refund cancels its
        invoice exactly. Refunds of charges outside an invoice (card checks) never were revenue. -#}
    select
        issued_invoices.invoice_id,
        true as is_refund,
        issued_invoices.invoice_status,
        issued_invoices.billing_customer_id,
        issued_invoices.currency_code,
        {{ to_reporting_date('payments.refunded_at') }} as revenue_date,
        cast(
            -1 * {{ convert_currency(
                'case when issued_invoices.total_amount = 0 then payments.refunded_amount else '
                ~ round_to_scale(divided(
                    'payments.refunded_amount * (issued_invoices.total_amount - issued_invoices.tax_amount)',
                    'issued_invoices.total_amount'
                ), 6) ~ ' end',
                'issued_invoices.fx_rate'
            ) }}
            as decimal(38, 14)
        ) as revenue_amount

    from payments
    inner join issued_invoices
        on payments.invoice_id = issued_invoices.invoice_id
    where payments.refunded_amount > 0

),

revenue_events as (

    select * from invoiced_revenue
    union all
    select * from refunded_revenue

),

final as (

    select
        customer_keys.customer_id,
        revenue_events.invoice_id,
        revenue_events.is_refund,
        revenue_events.invoice_status,
        revenue_events.billing_customer_id,
        revenue_events.currency_code,
        revenue_events.revenue_date,
        revenue_events.revenue_amount

    from revenue_events
    left join customer_keys
        on revenue_events.billing_customer_id = customer_keys.billing_customer_id

)

select * from final
