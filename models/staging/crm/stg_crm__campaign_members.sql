with

source as (

    {{ live_source_rows('crm', 'campaign_members') }}

),

renamed as (

    select
        -- ids
        Id as campaign_member_id,
        CampaignId as campaign_id,
        LeadId as lead_id,
        AccountId as account_id,

        -- enums
        {{ normalize_enum('Status') }} as member_status,

        -- booleans
        HasResponded as has_responded,

        -- dates
        FirstRespondedDate as first_responded_date,

        -- timestamps
        {{ to_utc_timestamp('CreatedDate') }} as touched_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
