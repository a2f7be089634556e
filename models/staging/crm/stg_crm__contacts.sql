with

source as (

    {{ live_source_rows('crm', 'contacts') }}

),

renamed as (

    select
        -- ids
        Id as contact_id,
        AccountId as account_id,

        -- strings
        trim(Title) as job_title,

        -- enums
        {{ normalize_enum('Department') }} as department,
        {{ normalize_enum('Level__c') }} as seniority_level,

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
