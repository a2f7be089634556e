{#- Run rate: invoiced revenue of a period (recurring and one-time, ex tax, net of refunds) in the
    reporting currency, divided by the days of the period up to the as-of date. -#}

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

customers as (

    select
        customer_id,
        segment as customer_segment,
        region
    from {{ ref('dim_customers') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

issued_invoices as (

    {#- Invoices that bill revenue: paid, open or uncollectible. A void invoice was cancelled or
        replaced, a draft is not issued yet. Each is dated on the day it was created (reporting
        timezone) and carries the FX rate of that month; a missing rate leaves fx_rate null, which
        makes the period's numerator null and fails the not_null test instead of losing revenue. -#}
    select
        invoices.invoice_id,
        invoices.billing_customer_id,
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
        issued_invoices.billing_customer_id,
        issued_invoices.currency_code,
        {{ to_reporting_date('payments.refunded_at') }} as revenue_date,
        cast(
            -1 * {{ convert_currency(
                'case when issued_invoices.total_amount = 0 then payments.refunded_amount else '
                ~ round_to_scale(
                    'payments.refunded_amount * (issued_invoices.total_amount - issued_invoices.tax_amount)'
                    ~ ' / issued_invoices.total_amount', 6
                ) ~ ' end',
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

revenue_with_customers as (

    select
        revenue_events.revenue_date,
        revenue_events.revenue_amount,
        revenue_events.currency_code,
        customers.customer_segment,
        customers.region

    from revenue_events
    left join customer_keys
        on revenue_events.billing_customer_id = customer_keys.billing_customer_id
    left join customers
        on customer_keys.customer_id = customers.customer_id

),

revenue_dimensions as (

    {{ unpivot_dimensions('revenue_with_customers', ['currency_code', 'customer_segment', 'region']) }}

),

breakdowns as (

    {#- Every breakdown value the data has, reported in every period (zero where it had no
        revenue), and the company total, reported for every period even without any revenue. -#}
    select
        dimension,
        dimension_value
    from revenue_dimensions

    union distinct

    select
        'all' as dimension,
        'all' as dimension_value

),

period_breakdowns as (

    select
        periods.period_grain,
        periods.period_start,
        cast(
            {{ dbt.datediff('periods.period_start', 'periods.period_last_date', 'day') }} + 1 as {{ dbt.type_int() }}
        ) as days_in_period,
        breakdowns.dimension,
        breakdowns.dimension_value

    from periods
    cross join breakdowns

),

period_revenue as (

    select
        periods.period_grain,
        periods.period_start,
        revenue_dimensions.dimension,
        revenue_dimensions.dimension_value,
        sum(revenue_dimensions.revenue_amount) as revenue_amount,
        sum(case when revenue_dimensions.revenue_amount is null then 1 else 0 end) as unconverted_count

    from revenue_dimensions
    inner join periods
        on revenue_dimensions.revenue_date between periods.period_start and periods.period_last_date
    group by
        periods.period_grain,
        periods.period_start,
        revenue_dimensions.dimension,
        revenue_dimensions.dimension_value

),

period_totals as (

    select
        period_breakdowns.period_grain,
        period_breakdowns.period_start,
        period_breakdowns.dimension,
        period_breakdowns.dimension_value,
        case
            when period_revenue.unconverted_count > 0 then null
            else cast(coalesce(period_revenue.revenue_amount, 0) as decimal(38, 14))
        end as numerator,
        period_breakdowns.days_in_period as denominator

    from period_breakdowns
    left join period_revenue
        on {{ kpi_row_join('period_breakdowns', 'period_revenue') }}

),

final as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        case
            when denominator != 0 then {{ round_to_scale('numerator / denominator', 2) }}
        end as value,
        numerator,
        denominator

    from period_totals

)

select * from final
