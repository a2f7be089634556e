with

source as (

    {{ live_source_rows('product', 'users') }}

),

renamed as (

    select
        -- ids
        id as product_user_id,
        billing_customer_id,
        crm_account_id,

        -- strings
        lower(trim(email)) as email,

        -- enums
        {{ normalize_enum('signup_type') }} as signup_type,
        {{ normalize_enum('signup_source') }} as signup_source,

        -- timestamps
        {{ to_utc_timestamp('signup_at') }} as signup_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
