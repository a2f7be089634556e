with

source as (

    {{ live_source_rows('billing', 'invoices') }}

),

renamed as (

    select
        -- ids
        id as invoice_id,
        customer_id as billing_customer_id,
        subscription_id,

        -- strings / enums
        number as invoice_number,
        {{ normalize_enum('status') }} as status,
        upper(trim(currency)) as currency_code,

        -- numerics (major units of currency_code)
        {{ to_major_units('subtotal', 'currency') }} as subtotal_amount,
        {{ to_major_units('discount', 'currency') }} as discount_amount,
        {{ to_major_units('tax', 'currency') }} as tax_amount,
        {{ to_major_units('total', 'currency') }} as total_amount,
        {{ to_major_units('amount_paid', 'currency') }} as paid_amount,

        -- timestamps
        {{ to_utc_timestamp('period_start') }} as period_start_at,
        {{ to_utc_timestamp('period_end') }} as period_end_at,
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
