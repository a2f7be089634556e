{#- One row per month, paid campaign and company an ad platform reached (revops.ad_account_reach),
    for the months that started by the as-of date: the campaign's channel, the company's
    firmographics and ICP fit (int_ad_reached_companies_matched), impressions, clicks and spend
    (campaign currency and reporting currency): the drill-through fact behind clicks,
    reach_to_icp_rate and cost_per_aware_icp_account. -#}

with

reach as (

    select * from {{ ref('int_ad_account_reach_converted') }}

),

companies as (

    select * from {{ ref('int_ad_reached_companies_matched') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

final as (

    select
        -- keys
        reach.month_start_date,
        reach.campaign_id,
        reach.company_domain,

        -- attributes
        reach.channel,
        companies.company_name,
        companies.industry,
        companies.company_size_band,
        companies.segment,
        companies.region,
        reach.currency_code,

        -- numerics
        reach.impressions,
        reach.clicks,
        reach.spend_amount,
        reach.spend_in_reporting_currency,

        -- booleans
        companies.is_icp

    from reach
    inner join companies
        on reach.company_domain = companies.company_domain
    cross join bounds
    where reach.month_start_date <= bounds.as_of_date

)

select * from final
