{#- One row per live lead with the funnel milestones it reached (first sales activity and meeting,
    CRM conversion, opportunity, win, first payment in billing) and whether each happened within the funnel windows counted from
    the lead's creation: the drill-through fact behind every lead funnel KPI. Longer than 200 lines
    because each milestone (activity, opportunity, win, payment) has its own matching rule. -#}
{{ config(materialized='view') }}

with

leads as (

    select * from {{ ref('stg_crm__leads') }}

),

activities as (

    select * from {{ ref('int_lead_activities_mapped') }}

),

users as (

    select * from {{ ref('stg_crm__users') }}

),

campaigns as (

    select * from {{ ref('int_campaigns_converted') }}

),

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

customer_identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

customer_months as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

subscription_terms as (

    select * from {{ ref('int_subscription_terms_listed') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

lifecycle_stages as (

    select * from {{ ref('int_lead_lifecycle_stages_dated') }}

),

first_sales_activities as (

    {#- A sales activity is a call, e-mail or meeting with the lead done by a sales user (an SDR, an
        AE or a sales manager); activities of customer success or marketing users (automated
        nurture e-mails) are not a sales response. A sales meeting is such an activity of type
        meeting (a discovery meeting or demo held with the lead). -#}
    select
        activities.lead_id,
        min(activities.activity_at) as first_sales_activity_at,
        min(case when activities.activity_type = 'meeting' then activities.activity_at end) as first_sales_meeting_at

    from activities
    inner join users
        on activities.owner_user_id = users.user_id
    where
        activities.lead_id is not null
        and users.user_role in ('sales_development_rep', 'account_executive', 'sales_manager')
    group by activities.lead_id

),

lead_customers as (

    {#- The converted account is the lead's customer only while it is live. -#}
    select
        source_record_id as account_id,
        customer_id

    from customer_identifiers
    where source_system = 'crm_account'

),

first_paying_terms as (

    {#- When each customer first started paying: the earliest paying subscription term (positive
        net of discount, on an invoice that is not void or draft) of any of its billing customers. -#}
    select
        customer_identifiers.customer_id,
        min(subscription_terms.period_start_at) as first_paid_at

    from subscription_terms
    inner join customer_identifiers
        on
            subscription_terms.billing_customer_id = customer_identifiers.source_record_id
            and customer_identifiers.source_system = 'billing_customer'
    where subscription_terms.is_paying
    group by customer_identifiers.customer_id

),

first_paid_months as (

    select
        customer_id,
        min(month_start_date) as first_paid_month_start_date

    from customer_months
    where movement_type = 'new'
    group by customer_id

),

lead_milestones as (

    select
        leads.lead_id,
        leads.owner_user_id,
        leads.campaign_id,
        leads.converted_account_id,
        leads.converted_opportunity_id,
        lead_customers.customer_id,
        leads.lead_source as lead_source_channel,
        leads.lead_status,
        campaigns.campaign_name,
        campaigns.channel as campaign_channel,
        users.team_name as owner_team_name,
        users.region as owner_region,
        customers.segment as customer_segment,
        leads.is_converted,
        leads.converted_date,
        leads.created_at,
        {{ to_reporting_date('leads.created_at') }} as created_date,
        first_sales_activities.first_sales_activity_at,
        first_sales_activities.first_sales_meeting_at,
        opportunities.created_at as opportunity_created_at,
        case when opportunities.is_won then opportunities.close_date end as opportunity_won_date,
        first_paying_terms.first_paid_at,
        first_paid_months.first_paid_month_start_date,
        lifecycle_stages.mql_at,
        lifecycle_stages.sql_at,
        lifecycle_stages.met_qualification_criteria,
        lifecycle_stages.disqualified_at,
        lifecycle_stages.disqualification_reason,
        lifecycle_stages.is_disqualified_unworkable,
        bounds.as_of_date

    from leads
    cross join bounds
    left join first_sales_activities
        on leads.lead_id = first_sales_activities.lead_id
    left join users
        on leads.owner_user_id = users.user_id
    left join campaigns
        on leads.campaign_id = campaigns.campaign_id
    left join opportunities
        on leads.converted_opportunity_id = opportunities.opportunity_id
    left join lead_customers
        on leads.converted_account_id = lead_customers.account_id
    left join customers
        on lead_customers.customer_id = customers.customer_id
    left join first_paying_terms
        on lead_customers.customer_id = first_paying_terms.customer_id
    left join first_paid_months
        on lead_customers.customer_id = first_paid_months.customer_id
    left join lifecycle_stages
        on leads.lead_id = lifecycle_stages.lead_id

),

lead_windows as (

    {#- Windows are whole days in the reporting timezone: from the lead's creation date through
        the day N days later. Milestones are compared as dates too (the CRM close date has no
        time), so a milestone on the window's last day is inside it. -#}
    select
        *,
        cast({{ dbt.dateadd('day', checked_var('lead_response_window_days', minimum=0), 'created_date') }} as date) as response_window_end_date,
        cast({{ dbt.dateadd('day', checked_var('funnel_conversion_window_days', minimum=0), 'created_date') }} as date) as funnel_window_end_date,
        cast({{ dbt.dateadd('day', checked_var('meeting_booking_window_days', minimum=0), 'created_date') }} as date) as meeting_window_end_date,
        cast({{ dbt.dateadd('day', checked_var('lead_workability_window_days', minimum=0), 'created_date') }} as date) as workability_window_end_date,
        {{ to_reporting_date('first_sales_activity_at') }} as first_sales_activity_date,
        {{ to_reporting_date('first_sales_meeting_at') }} as first_sales_meeting_date,
        {{ to_reporting_date('opportunity_created_at') }} as opportunity_created_date,
        {{ to_reporting_date('first_paid_at') }} as first_paid_date,
        {{ to_reporting_date('mql_at') }} as mql_date,
        {{ to_reporting_date('sql_at') }} as sql_date,
        {{ to_reporting_date('disqualified_at') }} as disqualified_date

    from lead_milestones

),

final as (

    {#- A sales activity logged before the lead was created (the rep was already talking to the
        person when the record was entered, or the two systems' clocks disagree) is a response at
        once: response_minutes is clamped to 0 and the lead is flagged, not dropped or made
        uncontacted; a meeting logged before the creation likewise counts 0 days. A funnel
        milestone counts within the window only from the lead's creation date on: an account that
        was already paying before the lead came in was not activated by it. Days to conversion are
        whole days from the creation date (reporting timezone) to the CRM's conversion date. An
        opportunity created before the lead's MQL is 0 days from it (days_mql_to_opportunity
        clamped, as response_minutes is). A lead is workable unless it was disqualified as unworkable
        (unreachable, bad data, a duplicate) by the end of its workability window; one disqualified
        so even before its creation date (clocks) is not workable either. -#}
    select
        -- ids
        lead_id,
        owner_user_id,
        campaign_id,
        converted_account_id,
        converted_opportunity_id,
        customer_id,

        -- attributes
        lead_source_channel,
        lead_status,
        disqualification_reason,
        campaign_name,
        campaign_channel,
        owner_team_name,
        owner_region,
        customer_segment,

        -- numerics
        case
            when first_sales_activity_at < created_at then cast(0 as decimal(38, 6))
            else {{ round_to_scale(divided(dbt.datediff('created_at', 'first_sales_activity_at', 'second'), 60), 6) }}
        end as response_minutes,
        cast(
            case
                when first_sales_meeting_at < created_at then 0
                else {{ round_to_scale(divided(dbt.datediff('created_at', 'first_sales_meeting_at', 'second'), 86400), 6) }}
            end
            as decimal(38, 6)
        ) as days_to_first_meeting,
        cast({{ dbt.datediff('created_date', 'converted_date', 'day') }} as {{ dbt.type_int() }}) as days_to_conversion,
        cast(
            case
                when opportunity_created_at < mql_at then 0
                else {{ divided(dbt.datediff('mql_at', 'opportunity_created_at', 'second'), 86400) }}
            end
            as decimal(18, 6)
        ) as days_mql_to_opportunity,

        -- booleans
        is_converted,
        first_sales_activity_at is not null as is_contacted,
        coalesce(first_sales_activity_at < created_at, false) as has_activity_before_creation,
        coalesce(first_sales_activity_date <= response_window_end_date, false) as is_contacted_within_window,
        coalesce(first_sales_meeting_date <= meeting_window_end_date, false) as has_meeting_within_window,
        coalesce(converted_date between created_date and funnel_window_end_date, false) as is_converted_within_window,
        coalesce(opportunity_created_date between created_date and funnel_window_end_date, false)
            as has_opportunity_within_window,
        coalesce(opportunity_won_date between created_date and funnel_window_end_date, false) as is_won_within_window,
        coalesce(first_paid_date between created_date and funnel_window_end_date, false) as is_activated_within_window,
        response_window_end_date <= as_of_date as is_response_window_closed,
        meeting_window_end_date <= as_of_date as is_meeting_window_closed,
        funnel_window_end_date <= as_of_date as is_funnel_window_closed,
        coalesce(mql_date between created_date and funnel_window_end_date, false) as is_mql_within_window,
        coalesce(sql_date between created_date and funnel_window_end_date, false) as is_sql_within_window,
        met_qualification_criteria,
        workability_window_end_date <= as_of_date as is_workability_window_closed,
        not coalesce(is_disqualified_unworkable and disqualified_date <= workability_window_end_date, false)
            as is_workable_within_window,

        -- dates
        created_date,
        response_window_end_date,
        meeting_window_end_date,
        funnel_window_end_date,
        workability_window_end_date,
        converted_date,
        opportunity_won_date,
        first_paid_month_start_date,

        -- timestamps
        created_at,
        first_sales_activity_at,
        first_sales_meeting_at,
        opportunity_created_at,
        first_paid_at,
        mql_at,
        sql_at,
        disqualified_at

    from lead_windows

)

select * from final
