{#- One row: the first and last days with a business event, the as-of date and the calendar range
    int_dates_listed spans. The as-of date is var('as_of_date') when set (checked by `checked_date_var`,
    entered through `sql_date_literal`), else the last day with a business event; never today's
    date, so a build is deterministic. last_event_date is always the data's, so the current-state
    tests know whether the as-of date has reached the end of the data. -#}

{#- Every kind of business event in staging, as (model, column, condition): something that
    happened to a customer, a deal, an invoice or a ticket, on the day it happened. A column named
    `_at` is a UTC timestamp, dated in the reporting timezone; one named `_date` is already a date.
    Left out on purpose: plans and schedules that point into the future (the expected close date of
    open opportunities, invoice and subscription service periods, cancel_at, trial ends, campaign
    dates, quotas, targets, planned quarters); month-keyed sheets that date a month, not a day
    (fx rates, GL expenses, tool adoption); reference records set up before the activity (prices,
    opportunity stages, agents, users: they would stretch the calendar back to years without
    activity); and sync times (loaded_at, deleted_at, which is a load time, system_modified_at,
    received_at, tickets.updated_at, whose changes are the ticket events). -#}
{%- set business_events = [
    ('stg_crm__leads', 'created_at', none),
    ('stg_crm__leads', 'converted_date', none),
    ('stg_crm__accounts', 'created_at', none),
    ('stg_crm__account_history', 'changed_at', none),
    ('stg_crm__activities', 'activity_at', none),
    ('stg_crm__campaign_members', 'touched_at', none),
    ('stg_crm__campaign_members', 'first_responded_date', none),
    ('stg_crm__opportunities', 'created_at', none),
    ('stg_crm__opportunities', 'close_date', 'is_closed'),
    ('stg_crm__opportunity_history', 'changed_at', none),
    ('stg_billing__customers', 'created_at', none),
    ('stg_billing__subscriptions', 'created_at', none),
    ('stg_billing__subscriptions', 'started_at', none),
    ('stg_billing__subscriptions', 'trial_start_at', none),
    ('stg_billing__subscriptions', 'canceled_at', none),
    ('stg_billing__subscriptions', 'ended_at', none),
    ('stg_billing__invoices', 'created_at', none),
    ('stg_billing__payments', 'created_at', none),
    ('stg_billing__payments', 'refunded_at', none),
    ('stg_product__users', 'signup_at', none),
    ('stg_product__tracks', 'occurred_at', none),
    ('stg_support__tickets', 'created_at', none),
    ('stg_support__ticket_events', 'created_at', none),
    ('stg_support__satisfaction_ratings', 'created_at', none),
    ('stg_support__satisfaction_ratings', 'updated_at', none),
    ('stg_support__nps_responses', 'sent_at', none),
    ('stg_support__nps_responses', 'responded_at', none),
    ('stg_revops__initiatives', 'implemented_date', none),
] -%}
{%- set as_of_date_var = checked_date_var('as_of_date') -%}

with

event_dates as (

    {% for model_name, column_name, condition in business_events %}
        {%- if column_name.endswith('_date') %}
            {%- set first_date = 'cast(min(' ~ column_name ~ ') as date)' %}
            {%- set last_date = 'cast(max(' ~ column_name ~ ') as date)' %}
        {%- else %}
            {%- set first_date = to_reporting_date('min(' ~ column_name ~ ')') %}
            {%- set last_date = to_reporting_date('max(' ~ column_name ~ ')') %}
        {%- endif %}
        select
            {{ first_date }} as first_event_date,
            {{ last_date }} as last_event_date
        from {{ ref(model_name) }}
        {%- if condition %}
            where {{ condition }}
        {%- endif %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

data_dates as (

    select
        min(first_event_date) as first_data_date,
        max(last_event_date) as last_event_date

    from event_dates

),

dated as (

    select
        first_data_date,
        {%- if as_of_date_var is none %}
            last_event_date as as_of_date,
        {%- else %}
            {{ sql_date_literal(as_of_date_var) }} as as_of_date,
        {%- endif %}
        last_event_date

    from data_dates

),

final as (

    select
        first_data_date,
        as_of_date,
        last_event_date,
        cast({{ dbt.date_trunc('year', 'first_data_date') }} as date) as calendar_start_date,
        cast(
            {{ dbt.dateadd('day', -1, dbt.dateadd('year', 1, dbt.date_trunc('year', 'as_of_date'))) }} as date
        ) as calendar_end_date

    from dated

)

select * from final
