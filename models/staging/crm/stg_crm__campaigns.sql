with

source as (

    {{ live_source_rows('crm', 'campaigns') }}

),

renamed as (

    select
        -- ids
        Id as campaign_id,

        -- strings
        trim(Name) as campaign_name,
        upper(trim(CurrencyIsoCode)) as currency_code,

        -- enums
        {{ normalize_enum('Type') }} as campaign_type,
        {{ normalize_enum('Channel') }} as channel,

        -- numerics: already decimals in major units of the currency
        ActualCost as actual_cost_amount,

        -- dates
        StartDate as start_date,
        EndDate as end_date,

        -- timestamps
        {{ to_utc_timestamp('SystemModstamp') }} as system_modified_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at,

        -- soft delete (a record deleted after the grace period stays, flagged: raw_row_fates)
        _is_deleted as is_deleted,
        _deleted_at as deleted_at

    from source

)

select * from renamed
