{#- One row per live support ticket with its first public agent reply, final solve, reopenings,
    calendar-hour and business-hour durations, CSAT rating and the slices of the support KPIs (channel, priority,
    assignee's team, customer segment, plan tier): the drill-through fact behind every ticket KPI. -#}

with

ticket_milestones as (

    select * from {{ ref('int_ticket_milestones_computed') }}

),

ticket_business_hours as (

    select * from {{ ref('int_ticket_business_hours_computed') }}

),

ticket_slices as (

    select * from {{ ref('int_ticket_slices_assigned') }}

),

ticket_ratings as (

    select * from {{ ref('int_ticket_csat_ratings_selected') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

tickets_described as (

    select
        ticket_milestones.*,
        ticket_slices.customer_id,
        ticket_slices.agent_team,
        customers.segment as customer_segment,
        ticket_slices.plan_tier,
        ticket_ratings.csat_rating,
        ticket_ratings.csat_rated_at,
        ticket_business_hours.first_response_business_hours,
        ticket_business_hours.resolution_business_hours,
        {{ to_reporting_date('ticket_milestones.created_at') }} as created_date,
        {{ to_reporting_date('ticket_milestones.first_agent_reply_at') }} as first_agent_reply_date,
        {{ to_reporting_date('ticket_milestones.final_solved_at') }} as final_solved_date

    from ticket_milestones
    left join ticket_slices
        on ticket_milestones.ticket_id = ticket_slices.ticket_id
    left join customers
        on ticket_slices.customer_id = customers.customer_id
    left join ticket_ratings
        on ticket_milestones.ticket_id = ticket_ratings.ticket_id
    left join ticket_business_hours
        on ticket_milestones.ticket_id = ticket_business_hours.ticket_id

),

final as (

    select
        -- ids
        ticket_id,
        customer_id,
        crm_account_id,
        assignee_agent_id,

        -- attributes
        channel,
        priority,
        agent_team,
        customer_segment,
        plan_tier,
        status,
        csat_rating,
        reopen_count,
        public_agent_replies,
        public_requester_comments,

        -- numerics
        cast(case
            when first_agent_reply_at is not null
                then {{ round_to_scale(divided(
                    'case when first_agent_reply_at < created_at then 0 else '
                    ~ dbt.datediff('created_at', 'first_agent_reply_at', 'second') ~ ' end', 3600
                ), 6) }}
        end as decimal(38, 6)) as first_response_hours,
        cast(case
            when final_solved_at is not null
                then {{ round_to_scale(divided(
                    'case when final_solved_at < created_at then 0 else '
                    ~ dbt.datediff('created_at', 'final_solved_at', 'second') ~ ' end', 3600
                ), 6) }}
        end as decimal(38, 6)) as resolution_hours,
        first_response_business_hours,
        resolution_business_hours,

        -- booleans
        first_agent_reply_at is not null as has_agent_reply,
        final_solved_at is not null as is_resolved,
        reopen_count > 0 as is_reopened,

        -- dates
        created_date,
        first_agent_reply_date,
        final_solved_date,

        -- timestamps
        created_at,
        first_agent_reply_at,
        first_solved_at,
        final_solved_at,
        csat_rated_at

    from tickets_described

)

select * from final
