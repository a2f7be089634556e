{#- The ad platforms' company engagement per period (month, quarter, year, by the export's month)
    and breakdown (the campaign's channel), from fct_ad_account_reach: impressions, clicks and spend
    (reporting currency), and the distinct companies reached (with an impression in the period),
    those of them that fit the ICP, and the ICP companies made aware (at least var
    ad_aware_min_impressions impressions summed over the period's months and campaigns, within the
    breakdown's channel). Companies are counted once per row, so channel rows need not add up to
    the company row (a company reached through both channels counts in each). The measures of
    clicks, reach_to_icp_rate and cost_per_aware_icp_account. Every period has a company row (zeros
    when nothing was reached); a channel has a row where it reached a company in the period. -#}

{%- set aware_min_impressions = checked_var('ad_aware_min_impressions', minimum=1) %}

with

reach as (

    select * from {{ ref('fct_ad_account_reach') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

reach_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        reach.company_domain,
        reach.channel,
        reach.impressions,
        reach.clicks,
        reach.spend_in_reporting_currency,
        case when reach.is_icp then 1 else 0 end as is_icp

    from reach
    inner join reporting_periods
        on reach.month_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

reach_by_dimension as (

    {{ unpivot_dimensions('reach_in_periods', ['channel']) }}

),

companies_in_periods as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        company_domain,
        max(is_icp) as is_icp,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(spend_in_reporting_currency) as spend,
        sum(case when spend_in_reporting_currency is null then 1 else 0 end) as rows_without_fx_rate

    from reach_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value,
        company_domain

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        cast(sum(impressions) as bigint) as ad_impressions,
        cast(sum(clicks) as bigint) as ad_clicks,
        cast(
            case when sum(rows_without_fx_rate) = 0 then sum(spend) end
            as decimal(38, 2)
        ) as ad_spend,
        cast(sum(rows_without_fx_rate) as integer) as ad_spend_rows_without_fx_rate,
        cast(sum(case when impressions > 0 then 1 else 0 end) as integer) as reached_accounts,
        cast(sum(case when impressions > 0 then is_icp else 0 end) as integer) as reached_icp_accounts,
        cast(
            sum(case when impressions >= {{ aware_min_impressions }} then is_icp else 0 end) as integer
        ) as aware_icp_accounts

    from companies_in_periods
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{#- Spend left unknown by a missing FX rate stays null: ad_spend is carried unfilled (a period
    without reach has a company row with a null spend). -#}
{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['ad_impressions', 'ad_clicks', 'ad_spend_rows_without_fx_rate', 'reached_accounts', 'reached_icp_accounts', 'aware_icp_accounts'],
    statistics=['ad_spend'],
) }}
