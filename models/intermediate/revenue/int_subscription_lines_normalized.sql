{#- One row per recurring invoice line (a subscription line or a proration line) on an invoice that
    was issued (not void, not draft), with its service period and its monthly rate, before and
    after discounts, in the invoice currency and in the reporting currency. One-time charges, taxes
    and refunds never enter MRR. -#}

with

line_items as (

    select * from {{ ref('stg_billing__invoice_line_items') }}

),

invoices as (

    select * from {{ ref('stg_billing__invoices') }}

),

subscriptions as (

    select * from {{ ref('stg_billing__subscriptions') }}

),

prices as (

    select * from {{ ref('stg_billing__prices') }}

),

fx_rates as (

    select * from {{ ref('stg_revops__fx_rates') }}

),

customer_keys as (

    {{ billing_customer_keys() }}

),

recurring_lines as (

    {#- Issued invoices only: a void invoice was replaced, a draft is not billed yet. Open and
        uncollectible invoices count: MRR is what was billed, paid or not. Incomplete
        subscriptions (the first payment failed, so the subscription never started) are not
        revenue. -#}
    select
        line_items.invoice_line_item_id,
        line_items.invoice_id,
        line_items.subscription_id,
        invoices.billing_customer_id,
        line_items.price_id,
        prices.plan_tier,
        prices.interval_months,
        line_items.currency_code,
        line_items.is_proration,
        line_items.quantity,
        line_items.amount,
        line_items.discount_amount,
        prices.unit_amount,
        {{ to_reporting_date('line_items.period_start_at') }} as service_start_date,
        {#- A subscription that ended before the line's period did (canceled mid-period, or
            canceled for non-payment) stops counting when it ended. -#}
        {{ to_reporting_date(
            'case when subscriptions.ended_at < line_items.period_end_at'
            ~ ' then subscriptions.ended_at else line_items.period_end_at end'
        ) }} as service_end_date

    from line_items
    inner join invoices
        on line_items.invoice_id = invoices.invoice_id
    inner join subscriptions
        on line_items.subscription_id = subscriptions.subscription_id
    inner join prices
        on line_items.price_id = prices.price_id
    where
        {{ is_issued_invoice('invoices.status') }}
        and subscriptions.status != 'incomplete'
        and (line_items.line_type = 'subscription' or line_items.is_proration)

),

monthly_rates as (

    {#- A subscription line bills one whole interval: its monthly rate is the line amount ÷ the
        price's interval in months (annual ÷ 12, quarterly ÷ 3). A proration line bills or credits
        part of an interval on a price: its monthly rate over its own service period is that
        price's monthly rate for the line's quantity, with the line's sign (a credit is negative),
        so an upgrade changes MRR from its own date, also on annual plans, and exactly, without the
        cent rounding of the prorated amount. Discounts apply in proportion to the line's amount. -#}
    select
        *,
        {{ round_to_scale(divided('unit_amount', 'interval_months'), 6) }} as unit_mrr_local,
        case
            when is_proration
                then {{ round_to_scale(
                    divided('sign(amount) * unit_amount * quantity', 'interval_months'), 6
                ) }}
            else {{ round_to_scale(divided('amount', 'interval_months'), 6) }}
        end as contracted_mrr_local

    from recurring_lines

),

net_rates as (

    select
        *,
        case
            when amount = 0 then contracted_mrr_local
            else {{ round_to_scale(divided('contracted_mrr_local * (amount - discount_amount)', 'amount'), 6) }}
        end as mrr_local

    from monthly_rates

),

final as (

    select
        -- ids
        net_rates.invoice_line_item_id,
        net_rates.invoice_id,
        net_rates.subscription_id,
        net_rates.billing_customer_id,
        customer_keys.customer_id,
        net_rates.price_id,

        -- attributes
        net_rates.plan_tier,
        net_rates.interval_months,
        net_rates.currency_code,
        net_rates.is_proration,
        net_rates.quantity,

        -- service period (reporting-timezone dates; the end date is exclusive)
        net_rates.service_start_date,
        net_rates.service_end_date,

        -- monthly rates in the invoice currency (the price's list rate per unit, the line's rate)
        net_rates.unit_mrr_local,
        net_rates.contracted_mrr_local,
        net_rates.mrr_local,

        -- conversion at the rate of the service period's start month
        fx_rates.rate_to_reporting_currency as fx_rate

    from net_rates
    left join customer_keys
        on net_rates.billing_customer_id = customer_keys.billing_customer_id
    left join fx_rates
        on
            net_rates.currency_code = fx_rates.currency_code
            and cast({{ dbt.date_trunc('month', 'net_rates.service_start_date') }} as date) = fx_rates.month_start_date

)

select * from final
