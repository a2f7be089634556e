{#- One row per live ticket with the slices of the support KPIs that come from outside the ticket:
    its customer (shared customer key), its assignee's team, and the plan tier the customer had in
    the month the ticket was created (reporting timezone; 'unassigned' when the customer had no MRR
    row that month: not paying yet, or unmatched). -#}

with

ticket_milestones as (

    select * from {{ ref('int_ticket_milestones_computed') }}

),

customer_identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

agents as (

    select * from {{ ref('stg_support__agents') }}

),

customer_months as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

ticket_customers as (

    select
        source_record_id as ticket_key,
        customer_id

    from customer_identifiers
    where source_system = 'support_ticket'

),

tickets_assigned as (

    select
        ticket_milestones.ticket_id,
        ticket_customers.customer_id,
        agents.team as agent_team,
        {{ to_reporting_date('ticket_milestones.created_at') }} as created_date

    from ticket_milestones
    left join ticket_customers
        on cast(ticket_milestones.ticket_id as {{ dbt.type_string() }}) = ticket_customers.ticket_key
    left join agents
        on ticket_milestones.assignee_agent_id = agents.agent_id

),

final as (

    {#- The plan tier the customer had in the month the ticket was created (reporting timezone);
        'unassigned' when the customer had no MRR row that month (not paying yet, unmatched). -#}
    select
        tickets_assigned.ticket_id,
        tickets_assigned.customer_id,
        tickets_assigned.agent_team,
        coalesce(customer_months.plan_tier, 'unassigned') as plan_tier

    from tickets_assigned
    left join customer_months
        on
            tickets_assigned.customer_id = customer_months.customer_id
            and customer_months.month_start_date = cast({{ dbt.date_trunc('month', 'tickets_assigned.created_date') }} as date)

)

select * from final
