with

source as (

    {{ live_source_rows('crm', 'quotas') }}

),

renamed as (

    select
        -- ids
        Id as quota_id,
        OwnerId as owner_user_id,

        -- strings
        upper(trim(CurrencyIsoCode)) as currency_code,

        -- enums
        {{ normalize_enum('PeriodType') }} as period_type,

        -- numerics: already decimals in major units of the currency
        QuotaAmount as quota_amount,

        -- dates
        StartDate as period_start_date,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
