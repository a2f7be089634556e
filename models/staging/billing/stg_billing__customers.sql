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
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at,

        -- soft delete (a record deleted after the grace period stays, flagged: raw_row_fates)
        _is_deleted as is_deleted,
        _deleted_at as deleted_at

    from source

)

select * from renamed
