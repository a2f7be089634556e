with

source as (

    {{ live_source_rows('crm', 'accounts') }}

),

renamed as (

    select
        -- ids
        Id as account_id,
        OwnerId as owner_user_id,

        -- strings
        trim(Name) as account_name,
        upper(trim(BillingCountry)) as billing_country_code,

        -- enums
        {{ normalize_enum('Segment') }} as segment,
        {{ normalize_enum('Industry') }} as industry,
        {{ normalize_enum('Region') }} as region,

        -- timestamps
        {{ to_utc_timestamp('CreatedDate') }} as created_at,
        {{ to_utc_timestamp('SystemModstamp') }} as system_modified_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at,

        -- soft delete (a record deleted after the grace period stays, flagged: raw_row_fates)
        _is_deleted as is_deleted,
        _deleted_at as deleted_at

    from source

)

select * from renamed
