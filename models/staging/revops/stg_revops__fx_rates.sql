with

source as (

    {{ live_source_rows('revops', 'fx_rates') }}

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

    from source

)

select * from renamed
