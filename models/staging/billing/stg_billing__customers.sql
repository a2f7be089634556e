with

source as (

    {{ live_source_rows('billing', 'customers') }}

),

renamed as (

    select
        -- ids
        id as billing_customer_id,
        crm_account_id,

        -- strings
        name as customer_name,
        lower(trim(email)) as email,
        upper(trim(currency)) as currency_code,
        upper(trim(country)) as country_code,

        -- timestamps
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
