with

source as (

    select * from {{ source('revops', 'fx_rates') }}

),

latest as (

    {{ latest_version('source', ['month', 'currency']) }}

),

renamed as (

    select
        -- keys
        month as month_start_date,
        upper(trim(currency)) as currency_code,

        -- numerics
        rate_to_usd as rate_to_reporting_currency,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from latest

)

select * from renamed
