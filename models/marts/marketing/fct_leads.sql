{#- One row per live lead with the funnel milestones it reached and whether each happened within the
    funnel windows: the drill-through fact behind every lead funnel KPI (the rules:
    int_leads_progressed). -#}

with

leads as (

    select * from {{ ref('int_leads_progressed') }}

),

final as (

    select
        lead_id,
        owner_user_id,
        campaign_id,
        converted_account_id,
        converted_opportunity_id,
        customer_id,
        lead_source_channel,
        lead_status,
        campaign_name,
        campaign_channel,
        owner_team_name,
        owner_region,
        customer_segment,
        response_minutes,
        days_to_first_meeting,
        days_to_conversion,
        is_converted,
        is_contacted,
        has_activity_before_creation,
        is_contacted_within_window,
        has_meeting_within_window,
        is_converted_within_window,
        has_opportunity_within_window,
        is_won_within_window,
        is_activated_within_window,
        is_response_window_closed,
        is_meeting_window_closed,
        is_funnel_window_closed,
        created_date,
        response_window_end_date,
        meeting_window_end_date,
        funnel_window_end_date,
        converted_date,
        opportunity_won_date,
        first_paid_month_start_date,
        created_at,
        first_sales_activity_at,
        first_sales_meeting_at,
        opportunity_created_at,
        first_paid_at

    from leads

)

select * from final
