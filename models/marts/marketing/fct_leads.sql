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
        days_mql_to_opportunity,
        is_converted,
        is_contacted,
        has_activity_before_creation,
        is_contacted_within_window,
        has_opportunity_within_window,
        is_won_within_window,
        is_activated_within_window,
        is_response_window_closed,
        is_funnel_window_closed,
        is_mql_within_window,
        is_sql_within_window,
        met_qualification_criteria,
        created_date,
        response_window_end_date,
        funnel_window_end_date,
        opportunity_won_date,
        first_paid_month_start_date,
        created_at,
        first_sales_activity_at,
        opportunity_created_at,
        first_paid_at,
        mql_at,
        sql_at

    from leads

)

select * from final
