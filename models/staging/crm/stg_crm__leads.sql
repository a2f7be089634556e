with

source as (

    {{ live_source_rows('crm', 'leads') }}

),

renamed as (

    select
        -- ids
        Id as lead_id,
        OwnerId as owner_user_id,
        CampaignId as campaign_id,
        ConvertedAccountId as converted_account_id,
        ConvertedOpportunityId as converted_opportunity_id,
        ConvertedContactId as converted_contact_id,

        -- strings
        trim(Company) as company_name,
        lower(trim(Email)) as email,

        -- enums
        {{ normalize_enum('LeadSource') }} as lead_source,
        {{ normalize_enum('Status') }} as lead_status,

        -- booleans
        IsConverted as is_converted,

        -- dates
        ConvertedDate as converted_date,

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
