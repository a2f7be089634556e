{#- Campaign cost, campaigns started and new paying customers per period (month, quarter, year)
    and lead source channel, with the company total: the inputs of cac_by_channel and
    average_campaign_investment. A campaign's cost belongs to
    its channel and to the month it started in (moved by var `cac_expense_lag_months`, as the GL
    spend of measures_acquisition_costs_aggregated); a new customer belongs to the channel of the lead
    that brought it (dim_customers), or to `unattributed`. Every period has a company row; channel
    rows exist where a channel had a campaign cost or a new customer. -#}
{%- set expense_lag_months = checked_var('cac_expense_lag_months', minimum=0) -%}

with

campaigns as (

    select * from {{ ref('int_campaigns_converted') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

new_customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}
    where movement_type = 'new'

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

campaign_costs as (

    {#- The whole actual cost of a campaign (converted at its start month's rate), in the month it
        started (plus the lag): campaign budgets are committed at launch, and most campaigns run
        within a month. A missing rate leaves the cost null. Campaign channels and lead sources
        share one value set (staging normalises both to the CRM channel list), so the campaign's
        channel is the lead source channel it is compared with. -#}
    select
        campaigns.channel as lead_source_channel,
        cast(
            {{ dbt.dateadd(
                'month', expense_lag_months, dbt.date_trunc('month', 'campaigns.start_date')
            ) }} as date
        ) as attributed_month_start_date,
        campaigns.actual_cost_in_reporting_currency as campaign_cost,
        1 as campaigns,
        0 as new_customers

    from campaigns

),

new_customers as (

    {#- Every new customer once, in its first paying month, in the channel of the lead that
        acquired it: its acquisition channel when a lead decided it (the first lead converted into
        its CRM account and created by the end of its first paying month; a lead created after the
        customer started paying did not acquire it). Without such a lead (self-serve sign-ups,
        accounts created in the CRM directly) its channel is `unattributed`. -#}
    select
        case
            when customers.acquisition_channel_origin = 'lead' then customers.acquisition_channel
            else 'unattributed'
        end as lead_source_channel,
        new_customer_months.month_start_date as attributed_month_start_date,
        cast(0 as decimal(38, 2)) as campaign_cost,
        0 as campaigns,
        1 as new_customers

    from new_customer_months
    inner join customers
        on new_customer_months.customer_id = customers.customer_id

),

acquisition_events as (

    select * from campaign_costs
    union all
    select * from new_customers

),

events_in_periods as (

    select
        periods.period_grain,
        periods.period_start,
        acquisition_events.*

    from acquisition_events
    inner join periods
        on acquisition_events.attributed_month_start_date between periods.period_start and periods.period_last_date

),

events_by_dimension as (

    {{ unpivot_dimensions('events_in_periods', ['lead_source_channel']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        cast(
            case
                when sum(case when campaign_cost is null then 1 else 0 end) = 0 then sum(campaign_cost)
            end as decimal(38, 2)
        ) as campaign_cost,
        cast(sum(case when campaign_cost is null then 1 else 0 end) as integer) as campaigns_without_fx_rate,
        cast(sum(campaigns) as integer) as campaigns,
        cast(sum(new_customers) as integer) as new_customers

    from events_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{#- A cost left unknown by a missing FX rate stays null: campaign_cost is carried unfilled (a
    period with no campaign and no new customer has a company row with a null cost). -#}
{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    ['campaigns_without_fx_rate', 'campaigns', 'new_customers'],
    statistics=['campaign_cost'],
) }}
