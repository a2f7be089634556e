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

agents as (

    select * from {{ ref('stg_support__agents') }}

),

satisfaction_ratings as (

    select * from {{ ref('stg_support__satisfaction_ratings') }}

),

customer_identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

ticket_customers as (

    select
        source_record_id as ticket_key,
        customer_id

    from customer_identifiers
    where source_system = 'support_ticket'

),

ranked_ratings as (

    {#- The latest answered survey of a ticket (a survey only offered is no rating). -#}
    select
        ticket_id,
        score,
        updated_at as csat_rated_at,
        row_number() over (
            partition by ticket_id
            order by updated_at desc, satisfaction_rating_id desc
        ) as rating_rank

    from satisfaction_ratings
    where is_rated

),

ticket_ratings as (

    select
        ticket_id,
        case score when 'good' then 'satisfied' when 'bad' then 'unsatisfied' end as csat_rating,
        csat_rated_at

    from ranked_ratings
    where rating_rank = 1

),

tickets_described as (

    select
        ticket_milestones.*,
        ticket_customers.customer_id,
        agents.team as agent_team,
        customers.segment as customer_segment,
        ticket_ratings.csat_rating,
        ticket_ratings.csat_rated_at,
        ticket_business_hours.first_response_business_hours,
        ticket_business_hours.resolution_business_hours,
        {{ to_reporting_date('ticket_milestones.created_at') }} as created_date,
        {{ to_reporting_date('ticket_milestones.first_agent_reply_at') }} as first_agent_reply_date,
        {{ to_reporting_date('ticket_milestones.final_solved_at') }} as final_solved_date

    from ticket_milestones
    left join ticket_customers
        on cast(ticket_milestones.ticket_id as {{ dbt.type_string() }}) = ticket_customers.ticket_key
    left join agents
        on ticket_milestones.assignee_agent_id = agents.agent_id
    left join customers
        on ticket_customers.customer_id = customers.customer_id
    left join ticket_ratings
        on ticket_milestones.ticket_id = ticket_ratings.ticket_id
    left join ticket_business_hours
        on ticket_milestones.ticket_id = ticket_business_hours.ticket_id

),

tickets_with_plan as (

    {#- The plan tier the customer had in the month the ticket was created (reporting timezone);
        'unassigned' when the customer had no MRR row that month (not paying yet, unmatched). -#}
    select
        tickets_described.*,
        coalesce(customer_months.plan_tier, 'unassigned') as plan_tier

    from tickets_described
    left join customer_months
        on
            tickets_described.customer_id = customer_months.customer_id
            and customer_months.month_start_date = cast({{ dbt.date_trunc('month', 'tickets_described.created_date') }} as date)

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

        -- numerics
        cast(case
            when first_agent_reply_at is not null
                then {{ round_to_scale(
                    'case when first_agent_reply_at < created_at then 0 else '
                    ~ dbt.datediff('created_at', 'first_agent_reply_at', 'second') ~ ' end / 3600.0', 6
                ) }}
        end as decimal(38, 6)) as first_response_hours,
        cast(case
            when final_solved_at is not null
                then {{ round_to_scale(
                    'case when final_solved_at < created_at then 0 else '
                    ~ dbt.datediff('created_at', 'final_solved_at', 'second') ~ ' end / 3600.0', 6
                ) }}
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

    from tickets_with_plan

)

select * from final
