{#- Live tickets in the backlog (status new, open or pending) at the end of each period's last day
    (the as-of date in the current period), from the status history
    (int_ticket_status_intervals_listed), per breakdown of fct_tickets. Every period has a company
    row (zero when the backlog was empty); breakdown rows exist where the backlog had tickets. Feeds
    ticket_backlog. -#}

with

status_intervals as (

    select * from {{ ref('int_ticket_status_intervals_listed') }}
    where is_backlog_status

),

tickets as (

    select * from {{ ref('fct_tickets') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

backlog_at_period_end as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        tickets.channel,
        tickets.priority,
        tickets.agent_team,
        tickets.customer_segment,
        tickets.plan_tier

    from status_intervals
    inner join reporting_periods
        on
            status_intervals.valid_from_date <= reporting_periods.period_last_date
            and (
                status_intervals.valid_to_date is null
                or status_intervals.valid_to_date > reporting_periods.period_last_date
            )
    inner join tickets
        on status_intervals.ticket_id = tickets.ticket_id

),

backlog_by_dimension as (

    {{ unpivot_dimensions('backlog_at_period_end', ['channel', 'priority', 'agent_team', 'customer_segment', 'plan_tier']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as backlog_tickets

    from backlog_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['backlog_tickets']) }}
