{#- One row per live opportunity with its amounts in the reporting currency, stage history, rep,
    customer and lead source: the drill-through fact behind the sales KPIs (the rules:
    int_opportunities_described). -#}

with

opportunities as (

    select * from {{ ref('int_opportunities_described') }}

),

final as (

    select
        opportunity_id,
        customer_id,
        account_id,
        owner_user_id,
        campaign_id,
        lead_id,
        opportunity_name,
        opportunity_type,
        stage_name,
        status,
        team_name,
        region,
        customer_segment,
        lead_source_channel,
        lead_source_channel_origin,
        currency_code,
        amount_local,
        fx_month_start_date,
        fx_rate,
        amount,
        sales_cycle_days,
        is_closed,
        is_won,
        is_closed_before_created,
        has_stage_regression,
        created_at,
        created_date,
        close_date,
        expected_close_date,
        current_stage_entered_at,
        prospecting_entered_at,
        prospecting_exited_at,
        discovery_entered_at,
        discovery_exited_at,
        demo_entered_at,
        demo_exited_at,
        proposal_entered_at,
        proposal_exited_at,
        negotiation_entered_at,
        negotiation_exited_at,
        closed_stage_entered_at

    from opportunities

)

select * from final
