with

source as (

    {{ live_source_rows('billing', 'subscriptions') }}

),

renamed as (

    select
        -- ids
        id as subscription_id,
        customer_id as billing_customer_id,
        price_id,

        -- enums
        {{ normalize_enum('status') }} as status,

        -- numerics
        quantity,

        -- timestamps
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('start_date') }} as started_at,
        {{ to_utc_timestamp('trial_start') }} as trial_start_at,
        {{ to_utc_timestamp('trial_end') }} as trial_end_at,
        {{ to_utc_timestamp('current_period_start') }} as current_period_start_at,
        {{ to_utc_timestamp('current_period_end') }} as current_period_end_at,
        {{ to_utc_timestamp('cancel_at') }} as cancel_at,
        {{ to_utc_timestamp('canceled_at') }} as canceled_at,
        {{ to_utc_timestamp('ended_at') }} as ended_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
