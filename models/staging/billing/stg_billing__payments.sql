with

source as (

    {{ live_source_rows('billing', 'payments') }}

),

renamed as (

    select
        -- ids
        id as payment_id,
        invoice_id,
        customer_id as billing_customer_id,

        -- strings / enums
        {{ normalize_enum('status') }} as status,
        failure_code,
        upper(trim(currency)) as currency_code,

        -- numerics (major units of currency_code)
        {{ to_major_units('amount', 'currency') }} as amount,
        {{ to_major_units('amount_refunded', 'currency') }} as refunded_amount,

        -- timestamps
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('refunded_at') }} as refunded_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
