{#- Purchases per period (month, quarter, year): the customers paying in the period (MRR > 0 in
    at least one of its months, fct_customer_mrr_monthly) and the issued invoices they received in
    it with a positive net amount (int_billed_revenue_listed: invoice lines net of discounts,
    without tax, by the invoice's date; refunds do not undo a purchase). The measures of
    purchase_frequency. One company row per period, zeros when nobody paid. -#}

with

billed_revenue as (

    select * from {{ ref('int_billed_revenue_listed') }}

),

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

purchases as (

    {#- An invoice is a purchase when its lines add up to more than zero: a fully discounted
        invoice or a proration credit buys nothing. -#}
    select
        invoice_id,
        customer_id,
        revenue_date as invoice_date

    from billed_revenue
    where
        not is_refund
        and customer_id is not null
    group by
        invoice_id,
        customer_id,
        revenue_date
    having sum(revenue_amount) > 0

),

paying_customer_periods as (

    {{ paying_customers_in_periods('customer_months', 'reporting_periods') }}

),

customer_purchases as (

    select
        paying_customer_periods.period_grain,
        paying_customer_periods.period_start,
        paying_customer_periods.customer_id,
        count(purchases.invoice_id) as purchases

    from paying_customer_periods
    left join purchases
        on
            paying_customer_periods.customer_id = purchases.customer_id
            and purchases.invoice_date between paying_customer_periods.period_start and paying_customer_periods.period_last_date
    group by
        paying_customer_periods.period_grain,
        paying_customer_periods.period_start,
        paying_customer_periods.customer_id

),

aggregated as (

    select
        period_grain,
        period_start,
        count(*) as paying_customers,
        sum(purchases) as purchases

    from customer_purchases
    group by
        period_grain,
        period_start

),

final as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        'all' as dimension,
        'all' as dimension_value,
        cast(coalesce(aggregated.purchases, 0) as {{ dbt.type_bigint() }}) as purchases,
        cast(coalesce(aggregated.paying_customers, 0) as {{ dbt.type_bigint() }}) as paying_customers

    from reporting_periods
    left join aggregated
        on
            reporting_periods.period_grain = aggregated.period_grain
            and reporting_periods.period_start = aggregated.period_start

)

select * from final
