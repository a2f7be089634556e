{#- One row per live lead with the funnel milestones it reached and whether each happened within the
    funnel windows: the drill-through fact behind every lead funnel KPI (the rules:
    int_leads_progressed) and its rule-based quality score (int_leads_quality_scored). -#}

with

leads as (

    select * from {{ ref('int_leads_progressed') }}

),

lead_quality as (

    select * from {{ ref('int_leads_quality_scored') }}

),

final as (

    select
        leads.lead_id,
        leads.owner_user_id,
        leads.campaign_id,
        leads.converted_account_id,
        leads.converted_opportunity_id,
        leads.customer_id,
        leads.lead_source_channel,
        leads.lead_status,
        leads.disqualification_reason,
        leads.campaign_name,
        leads.campaign_channel,
        leads.owner_team_name,
        leads.owner_region,
        leads.customer_segment,
        leads.response_minutes,
        lead_quality.lead_quality_score,
        leads.days_to_first_meeting,
        leads.days_to_conversion,
        leads.days_mql_to_opportunity,
        leads.is_converted,
        leads.is_contacted,
        leads.has_activity_before_creation,
        leads.is_contacted_within_window,
        leads.has_meeting_within_window,
        leads.is_converted_within_window,
        leads.has_opportunity_within_window,
        leads.is_won_within_window,
        leads.is_activated_within_window,
        leads.is_response_window_closed,
        leads.is_meeting_window_closed,
        leads.is_funnel_window_closed,
        leads.is_mql_within_window,
        leads.is_sql_within_window,
        leads.met_qualification_criteria,
        leads.is_workability_window_closed,
        leads.is_workable_within_window,
        leads.created_date,
        leads.response_window_end_date,
        leads.meeting_window_end_date,
        leads.funnel_window_end_date,
        leads.workability_window_end_date,
        leads.converted_date,
        leads.opportunity_won_date,
        leads.first_paid_month_start_date,
        leads.created_at,
        leads.first_sales_activity_at,
        leads.first_sales_meeting_at,
        leads.opportunity_created_at,
        leads.first_paid_at,
        leads.mql_at,
        leads.sql_at,
        leads.disqualified_at

    from leads
    left join lead_quality
        on leads.lead_id = lead_quality.lead_id

)

select * from final
