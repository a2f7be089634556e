{#- One row per company an ad platform reached (by web domain), with its firmographics as the
    platform last reported them (the latest month, then the highest campaign id): the employee band
    mapped to the CRM's segment (var ad_company_size_band_segments), the country's sales region
    (seed country_regions), and whether the company fits the ideal customer profile (macro
    icp_attributes_matched, the rule customers are matched by). -#}

{%- set band_segments = var('ad_company_size_band_segments') -%}
{%- if band_segments is not mapping -%}
    {{ exceptions.raise_compiler_error('var ad_company_size_band_segments must map segments to lists of employee bands, got ' ~ band_segments) }}
{%- endif %}

with

reach as (

    select * from {{ ref('stg_revops__ad_account_reach') }}

),

country_regions as (

    select * from {{ ref('country_regions') }}

),

reports_ranked as (

    select
        company_domain,
        company_name,
        industry,
        company_size_band,
        country_code,
        row_number() over (
            partition by company_domain
            order by month_start_date desc, campaign_id desc
        ) as report_rank

    from reach

),

companies as (

    select
        reports_ranked.company_domain,
        reports_ranked.company_name,
        reports_ranked.company_size_band,
        reports_ranked.country_code,
        coalesce(reports_ranked.industry, 'unknown') as industry,
        case
            {%- for segment, bands in band_segments.items() %}
                when reports_ranked.company_size_band in ({{ sql_string_list(bands) }}) then {{ sql_string_literal(segment) }}
            {%- endfor %}
            else 'unknown'
        end as segment,
        coalesce(country_regions.region, 'unassigned') as region

    from reports_ranked
    left join country_regions
        on reports_ranked.country_code = country_regions.country_code
    where reports_ranked.report_rank = 1

),

icp_matched as (

    {{ icp_attributes_matched('companies', 'company_domain') }}

),

final as (

    select
        -- ids
        companies.company_domain,

        -- attributes
        companies.company_name,
        companies.industry,
        companies.company_size_band,
        companies.segment,
        companies.country_code,
        companies.region,

        -- numerics
        icp_matched.matched_icp_attribute_count,

        -- booleans
        icp_matched.is_icp

    from companies
    inner join icp_matched
        on companies.company_domain = icp_matched.company_domain

)

select * from final
