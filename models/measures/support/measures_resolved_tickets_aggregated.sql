{#- Counts of the tickets finally solved in each period (final solve date, reporting timezone), per
    breakdown: solved, reopened at least once before that solve, rated and rated satisfied. Every
    period has a company row (zeros when nothing was solved); breakdown rows exist where tickets
    were solved; and the public agent replies those tickets received and the public comments their
    requesters wrote. Feeds tickets_resolved, reopen_rate, csat, csat_response_rate,
    replies_per_ticket and communications_per_ticket. -#}

with

tickets as (

    select * from {{ ref('fct_tickets') }}
    where final_solved_date is not null

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
        tickets.plan_tier,
        case when tickets.reopen_count > 0 then 1 else 0 end as is_reopened,
        tickets.public_agent_replies,
        tickets.public_requester_comments,
        case when tickets.csat_rating is not null then 1 else 0 end as is_rated,
        case when tickets.csat_rating = 'satisfied' then 1 else 0 end as is_satisfied

    from tickets
    inner join reporting_periods
        on tickets.final_solved_date between reporting_periods.period_start and reporting_periods.period_last_date

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
        count(*) as resolved_tickets,
        sum(is_reopened) as reopened_tickets,
        sum(is_rated) as rated_tickets,
        sum(is_satisfied) as satisfied_tickets,
        sum(public_agent_replies) as public_agent_replies,
        sum(public_requester_comments) as public_requester_comments

    from tickets_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    [
        'resolved_tickets', 'reopened_tickets', 'rated_tickets', 'satisfied_tickets', 'public_agent_replies',
        'public_requester_comments'
    ],
) }}
