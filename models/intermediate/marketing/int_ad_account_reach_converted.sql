{#- Every row of the ad platforms' company-engagement export (month x campaign x reached company)
    with its campaign's channel and its spend in the reporting currency: converted at the rate of
    the month the spend was measured in and rounded to the cent (as campaign costs are, with the
    spend's own month standing in for the campaign's start month); a missing rate leaves it null. -#}

with

reach as (

    select * from {{ ref('stg_revops__ad_account_reach') }}

),

campaigns as (

    select * from {{ ref('int_campaigns_converted') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

final as (

    select
        -- keys
        reach.month_start_date,
        reach.campaign_id,
        reach.company_domain,

        -- attributes
        campaigns.channel,
        reach.currency_code,

        -- numerics
        reach.impressions,
        reach.clicks,
        reach.spend_amount,
        {{ round_to_scale(convert_currency('reach.spend_amount', 'fx_rates.rate_to_reporting_currency'), 2) }}
            as spend_in_reporting_currency

    from reach
    left join campaigns
        on reach.campaign_id = campaigns.campaign_id
    left join fx_rates
        on
            reach.month_start_date = fx_rates.month_start_date
            and reach.currency_code = fx_rates.currency_code

)

select * from final
