{#- Tickets created in each period (creation date, reporting timezone), per breakdown (channel,
    priority, agent_team, customer_segment, plan_tier). Every period has a company row (0 when no
    ticket was created); breakdown rows exist where tickets were created. The measures of
    tickets_created. -#}

with

tickets as (

    select * from {{ ref('fct_tickets') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

tickets_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        tickets.channel,
        tickets.priority,
        tickets.agent_team,
        tickets.customer_segment,
        tickets.plan_tier

    from tickets
    inner join reporting_periods
        on tickets.created_date between reporting_periods.period_start and reporting_periods.period_last_date

),

tickets_by_dimension as (

    {{ unpivot_dimensions('tickets_in_periods', ['channel', 'priority', 'agent_team', 'customer_segment', 'plan_tier']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as created_tickets

    from tickets_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['created_tickets']) }}
