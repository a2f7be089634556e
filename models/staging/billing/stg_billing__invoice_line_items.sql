{{
    config(
        materialized=incremental_staging_materialization(),
        unique_key='invoice_line_item_id',
        post_hook="{{ remove_unstaged_rows('billing', 'invoice_line_items') }}"
    )
}}

with

source as (

    {{ live_source_rows('billing', 'invoice_line_items') }}

),

renamed as (

    select
        -- ids
        id as invoice_line_item_id,
        invoice_id,
        subscription_id,
        price_id,

        -- strings / enums
        {{ normalize_enum('type') }} as line_type,
        description,
        upper(trim(currency)) as currency_code,

        -- numerics (amounts in major units of currency_code)
        quantity,
        {{ to_major_units('amount', 'currency') }} as amount,
        {{ to_major_units('discount_amount', 'currency') }} as discount_amount,

        -- booleans
        is_proration,
        (
            {{ normalize_enum('type') }} = 'invoiceitem'
            and not is_proration
        ) as is_one_time_charge,

        -- timestamps
        {{ to_utc_timestamp('period_start') }} as period_start_at,
        {{ to_utc_timestamp('period_end') }} as period_end_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
