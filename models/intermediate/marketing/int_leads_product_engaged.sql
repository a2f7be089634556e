{#- One row per live lead with its product engagement, the product-engaged-lead (PEL) rule decided
    once here: a lead is product-engaged when a product user of the same company, matched by the
    email domain (lower case; a personal domain of var free_email_domains never matches), made a
    first key value action (int_product_users_activated) before the lead was created or within var
    pel_window_days after it. The lead is decided once that window has ended by the as-of date. A
    lead without an email, or with a personal one, is never product-engaged. -#}

{%- set window_days = checked_var('pel_window_days', minimum=0) %}
{%- set free_email_domains = var('free_email_domains') -%}
{%- if free_email_domains is string or free_email_domains is mapping or free_email_domains is not iterable -%}
    {{ exceptions.raise_compiler_error('var free_email_domains must be a list of email domains, got ' ~ free_email_domains) }}
{%- endif %}

with

leads as (

    select * from {{ ref('int_leads_progressed') }}

),

lead_emails as (

    select * from {{ ref('stg_crm__leads') }}

),

product_user_emails as (

    select * from {{ ref('stg_product__users') }}

),

product_users as (

    select * from {{ ref('int_product_users_activated') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

domain_first_value_actions as (

    {#- The earliest first key value action of each business email domain's product users. -#}
    select
        lower({{ dbt.split_part('product_user_emails.email', "'@'", 2) }}) as email_domain,
        min(product_users.first_value_action_at) as first_value_action_at

    from product_users
    inner join product_user_emails
        on product_users.product_user_id = product_user_emails.product_user_id
    where product_users.first_value_action_at is not null
    group by lower({{ dbt.split_part('product_user_emails.email', "'@'", 2) }})

),

lead_domains as (

    select
        leads.lead_id,
        leads.lead_source_channel,
        leads.created_at,
        leads.created_date,
        {{ dbt.dateadd('day', window_days, 'leads.created_at') }} as pel_window_end_at,
        lower({{ dbt.split_part('lead_emails.email', "'@'", 2) }}) as email_domain

    from leads
    left join lead_emails
        on leads.lead_id = lead_emails.lead_id

),

final as (

    select
        lead_domains.lead_id,
        lead_domains.lead_source_channel,
        lead_domains.created_date,
        case
            when domain_first_value_actions.first_value_action_at <= lead_domains.pel_window_end_at
                then domain_first_value_actions.first_value_action_at
        end as product_engaged_at,
        coalesce(domain_first_value_actions.first_value_action_at <= lead_domains.pel_window_end_at, false)
            as is_product_engaged,
        {{ to_reporting_date('lead_domains.pel_window_end_at') }} <= bounds.as_of_date as is_pel_window_ended

    from lead_domains
    cross join bounds
    left join domain_first_value_actions
        on
            lead_domains.email_domain = domain_first_value_actions.email_domain
            and lead_domains.email_domain not in (
                {%- for domain in free_email_domains -%}
                    {{ sql_string_literal(domain | lower) }}{{ ', ' if not loop.last }}
                {%- endfor -%}
            )

)

select * from final
