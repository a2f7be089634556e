{#- One row per live opportunity (renewals included: KPIs choose which types count): its current
    stage and status, amount in its currency and in the reporting currency, sales cycle, and the
    attributes sales KPIs slice by (owner's team and region, customer segment, lead source channel).
    Longer than 200 lines because it carries one timestamp column per open stage of the process. -#}
{{ config(materialized='view') }}
{#- The open stages of the sales process, in order. The staging accepted_values test on stage_name
    fails the build on a stage not listed there, so a new stage cannot silently miss its columns. #}
{%- set process_stages = ['prospecting', 'discovery', 'demo', 'proposal', 'negotiation'] %}

with

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

stage_intervals as (

    select * from {{ ref('int_opportunity_stage_intervals_sequenced') }}

),

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

reps as (

    select * from {{ ref('int_reps_described') }}

),

leads as (

    select * from {{ ref('stg_crm__leads') }}

),

campaigns as (

    select * from {{ ref('stg_crm__campaigns') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

converting_leads as (

    {#- The lead converted into the opportunity; should several leads name the same opportunity,
        the earliest created one is its source. -#}
    select
        converted_opportunity_id as opportunity_id,
        lead_id,
        lead_source,
        row_number() over (
            partition by converted_opportunity_id
            order by created_at, lead_id
        ) as lead_rank

    from leads
    where converted_opportunity_id is not null

),

stage_histories as (

    select
        opportunity_id,
        max(case when is_current then stage_name end) as current_stage_name,
        max(case when is_current then entered_at end) as current_stage_entered_at,
        max(case when is_regression then 1 else 0 end) = 1 as has_stage_regression,
        {%- for stage in process_stages %}
            min(case when stage_name = '{{ stage }}' then entered_at end) as {{ stage }}_entered_at,
            max(case when stage_name = '{{ stage }}' then exited_at end) as {{ stage }}_exited_at,
        {%- endfor %}
        min(case when is_closed_stage then entered_at end) as closed_stage_entered_at

    from stage_intervals
    group by opportunity_id

),

opportunity_dates as (

    {#- The created date in the reporting timezone; the close date is a calendar date in the CRM.
        Amounts convert at the rate of the close month for closed deals and of the as-of month for
        open ones (their expected close month has no rate yet); a close month after the as-of month
        takes the as-of month's rate. -#}
    select
        opportunities.*,
        {{ to_reporting_date('opportunities.created_at') }} as created_date,
        case when opportunities.is_won then 'won' when opportunities.is_closed then 'lost' else 'open' end as status,
        cast({{ dbt.date_trunc('month', 'bounds.as_of_date') }} as date) as as_of_month_start_date,
        cast({{ dbt.date_trunc('month', 'opportunities.close_date') }} as date) as close_month_start_date

    from opportunities
    cross join bounds

),

conversion_months as (

    select
        *,
        case
            when is_closed and close_month_start_date < as_of_month_start_date then close_month_start_date
            else as_of_month_start_date
        end as fx_month_start_date

    from opportunity_dates

),

final as (

    select
        -- ids
        conversion_months.opportunity_id,
        customers.customer_id,
        conversion_months.account_id,
        conversion_months.owner_user_id,
        conversion_months.campaign_id,
        converting_leads.lead_id,

        -- attributes
        conversion_months.opportunity_name,
        conversion_months.opportunity_type,
        conversion_months.stage_name,
        conversion_months.status,
        reps.team_name,
        reps.region,
        customers.segment as customer_segment,
        coalesce(converting_leads.lead_source, campaigns.channel, 'unattributed') as lead_source_channel,
        case
            when converting_leads.lead_source is not null then 'lead'
            when campaigns.channel is not null then 'campaign'
            else 'unattributed'
        end as lead_source_channel_origin,

        -- amounts: in the opportunity's currency and in the reporting currency
        conversion_months.currency_code,
        cast(conversion_months.amount as decimal(38, 4)) as amount_local,
        conversion_months.fx_month_start_date,
        fx_rates.rate_to_reporting_currency as fx_rate,
        cast(
            {{ round_to_scale(convert_currency('conversion_months.amount', 'fx_rates.rate_to_reporting_currency'), 2) }}
            as decimal(38, 2)
        ) as amount,

        -- sales cycle: created date to close date, closed deals only; unknown (null) for a deal
        -- whose close date is before its creation (recorded after it closed)
        case
            when conversion_months.is_closed and conversion_months.close_date >= conversion_months.created_date
                then cast({{ dbt.datediff('conversion_months.created_date', 'conversion_months.close_date', 'day') }} as integer)
        end as sales_cycle_days,

        -- booleans
        conversion_months.is_closed,
        conversion_months.is_won,
        conversion_months.is_closed and conversion_months.close_date < conversion_months.created_date
            as is_closed_before_created,
        coalesce(stage_histories.has_stage_regression, false) as has_stage_regression,

        -- dates and timestamps
        conversion_months.created_at,
        conversion_months.created_date,
        case when conversion_months.is_closed then conversion_months.close_date end as close_date,
        case when not conversion_months.is_closed then conversion_months.close_date end as expected_close_date,
        -- when the history shows it entering its current stage (null if the history disagrees)
        case
            when stage_histories.current_stage_name = conversion_months.stage_name
                then stage_histories.current_stage_entered_at
        end as current_stage_entered_at,
        -- stage entry and exit times from the stage history: first entry, last exit (UTC)
        {%- for stage in process_stages %}
            stage_histories.{{ stage }}_entered_at,
            stage_histories.{{ stage }}_exited_at,
        {%- endfor %}
        stage_histories.closed_stage_entered_at

    from conversion_months
    left join customers
        on conversion_months.account_id = customers.crm_account_id
    left join reps
        on conversion_months.owner_user_id = reps.user_id
    left join converting_leads
        on
            conversion_months.opportunity_id = converting_leads.opportunity_id
            and converting_leads.lead_rank = 1
    left join campaigns
        on conversion_months.campaign_id = campaigns.campaign_id
    left join fx_rates
        on
            conversion_months.currency_code = fx_rates.currency_code
            and conversion_months.fx_month_start_date = fx_rates.month_start_date
    left join stage_histories
        on conversion_months.opportunity_id = stage_histories.opportunity_id

)

select * from final
