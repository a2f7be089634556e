{#- Rule-based lead quality score (seed 003's Lead Quality Score): one row per live lead, each
    signal a value from 0 (poor) to 1 (best), null when missing, and the score 100 × their
    weighted average over the signals present (weights: dict var lead_quality_signal_weights).
    source_fit: the points var lead_quality_channel_points gives the lead's source channel.
    sales_engagement: 1 when sales contacted the lead within the response window, 0 when not;
        missing until the response window has closed (the score then rests on the other signals).
    business_email: 0 when the email domain is in var free_email_domains, else 1; missing
        without an email. -#}
{%- set channels = ['web', 'referral', 'paid_search', 'paid_social', 'event', 'webinar', 'outbound', 'partner', 'content', 'email'] -%}
{%- set channel_points = checked_mapping_var('lead_quality_channel_points', channels, maximum=1) -%}
{%- set weights = checked_mapping_var(
    'lead_quality_signal_weights', ['source_fit', 'sales_engagement', 'business_email'], total=1
) -%}
{%- set free_email_domains = var('free_email_domains') -%}
{%- if free_email_domains is string or free_email_domains is mapping or free_email_domains is not iterable -%}
    {{ exceptions.raise_compiler_error('var free_email_domains must be a list of email domains, got ' ~ free_email_domains) }}
{%- endif %}

with

leads as (

    select * from {{ ref('int_leads_progressed') }}

),

lead_emails as (

    select
        lead_id,
        email

    from {{ ref('stg_crm__leads') }}

),

signals as (

    select
        leads.lead_id,
        case leads.lead_source_channel
            {%- for channel, points in channel_points | dictsort %}
                when {{ sql_string_literal(channel) }} then {{ points }}
            {%- endfor %}
        end as source_fit_points,
        case
            when leads.is_response_window_closed and leads.is_contacted_within_window then 1.0
            when leads.is_response_window_closed then 0.0
        end as sales_engagement_points,
        case
            when lead_emails.email is null then null
            when {{ dbt.split_part('lead_emails.email', "'@'", 2) }} in (
                {%- for domain in free_email_domains -%}
                    {{ sql_string_literal(domain | lower) }}{{ ', ' if not loop.last }}
                {%- endfor -%}
            ) then 0.0
            else 1.0
        end as business_email_points

    from leads
    left join lead_emails
        on leads.lead_id = lead_emails.lead_id

),

final as (

    select
        lead_id,
        cast(source_fit_points as decimal(9, 6)) as source_fit_points,
        cast(sales_engagement_points as decimal(9, 6)) as sales_engagement_points,
        cast(business_email_points as decimal(9, 6)) as business_email_points,
        {{ weighted_score(weighted_signal_sum(weights, '_points'), available_signal_weight(weights, '_points')) }}
            as lead_quality_score

    from signals

)

select * from final
