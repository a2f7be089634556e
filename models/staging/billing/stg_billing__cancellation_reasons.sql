with

source as (

    {{ live_source_rows('billing', 'cancellation_reasons') }}

),

renamed as (

    select
        -- ids
        subscription_id,
        customer_id as billing_customer_id,

        -- enums
        {{ normalize_enum('reason') }} as cancellation_reason,

        -- strings
        nullif(trim(comment), '') as comment_text,

        -- timestamps
        {{ to_utc_timestamp('canceled_at') }} as canceled_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
