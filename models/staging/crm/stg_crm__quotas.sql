with

source as (

    select * from {{ source('crm', 'quotas') }}

),

latest as (

    {{ latest_version('source', ['Id']) }}

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

    from latest

)

select * from renamed
