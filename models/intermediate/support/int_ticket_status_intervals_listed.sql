{#- One row per live ticket and status interval, rebuilt from the audit log's status changes (the
    create event sets `new`): each status holds from its change to the ticket's next status change,
    both as timestamps and as days in the reporting timezone. The current status is never used, so
    a past period-end's backlog does not move when a ticket changes today. -#}

with

tickets as (

    select * from {{ ref('stg_support__tickets') }}

),

ticket_events as (

    select * from {{ ref('stg_support__ticket_events') }}

),

status_changes as (

    {#- Soft-deleted tickets are out (their events stay in the raw log), as in fct_tickets. -#}
    select
        ticket_events.ticket_event_id,
        ticket_events.ticket_id,
        ticket_events.new_status as status,
        ticket_events.created_at as valid_from_at,
        lead(ticket_events.created_at) over (
            partition by ticket_events.ticket_id
            order by ticket_events.created_at, ticket_events.ticket_event_id
        ) as valid_to_at

    from ticket_events
    inner join tickets
        on ticket_events.ticket_id = tickets.ticket_id
    where ticket_events.new_status is not null

),

final as (

    {#- A status holds on the days from valid_from_date up to, not including, valid_to_date; an
        interval replaced on the day it began (from = to) holds on no day-end, so of several changes
        on one day the last one counts. -#}
    select
        ticket_event_id as ticket_status_interval_id,
        ticket_id,
        status,
        status in ('new', 'open', 'pending') as is_backlog_status,
        valid_from_at,
        valid_to_at,
        {{ to_reporting_date('valid_from_at') }} as valid_from_date,
        {{ to_reporting_date('valid_to_at') }} as valid_to_date

    from status_changes

)

select * from final
