{#- Failed charges per paying customer × month: the failed payments of the customer's billing
    customers dated (reporting timezone) in the month and the two before, up to the snapshot date.
    Months without a failed charge have no row. -#}

with

paying_months as (

    select * from {{ ref('int_customer_paying_months_listed') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

payments as (

    select * from {{ ref('stg_billing__payments') }}

),

customer_payments as (

    select
        identifiers.customer_id,
        {{ to_reporting_date('payments.created_at') }} as payment_date
    from payments
    inner join identifiers
        on
            identifiers.source_system = 'billing_customer'
            and payments.billing_customer_id = identifiers.source_record_id
    where payments.status = 'failed'

),

final as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        count(*) as failed_payments_last_3_months
    from paying_months
    inner join customer_payments
        on
            paying_months.customer_id = customer_payments.customer_id
            and customer_payments.payment_date between paying_months.last_3_months_start_date and paying_months.snapshot_date
    group by paying_months.customer_id, paying_months.month_start_date

)

select * from final
