with

source as (

    {{ live_source_rows('revops', 'ad_account_reach') }}

),

renamed as (

    select
        -- keys
        month as month_start_date,
        campaign_id,
        lower(trim(company_domain)) as company_domain,

        -- strings
        trim(company_name) as company_name,
        trim(company_size) as company_size_band,
        upper(trim(country_code)) as country_code,
        upper(trim(currency)) as currency_code,

        -- enums
        {{ normalize_enum('industry') }} as industry,

        -- numerics: spend already a decimal in major units of the currency
        impressions,
        clicks,
        spend as spend_amount,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
