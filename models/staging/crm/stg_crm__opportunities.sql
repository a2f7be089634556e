with

source as (

    {{ live_source_rows('crm', 'opportunities') }}

),

renamed as (

    select
        -- ids
        Id as opportunity_id,
        AccountId as account_id,
        OwnerId as owner_user_id,
        CampaignId as campaign_id,

        -- strings
        trim(Name) as opportunity_name,
        upper(trim(CurrencyIsoCode)) as currency_code,

        -- enums
        {{ normalize_enum('Type') }} as opportunity_type,
        {{ normalize_enum('StageName') }} as stage_name,

        -- numerics: already decimals in major units of the currency
        amount,
        probability,

        -- booleans
        IsClosed as is_closed,
        IsWon as is_won,

        -- dates
        CloseDate as close_date,

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
