{#- The backlog rebuilt from ticket status history must agree with the tickets' current status where
    both describe the same moment: the company backlog of the month of the as-of date (counted at
    the as-of date) equals the live tickets now new, open or pending. Returns the two counts when
    they differ.

    When it applies: the current status is the status after the data's last business event
    (`last_event_date` of int_calendar_bounds_computed, computed from every kind of event and never
    from var `as_of_date`), and nothing changes after it. So the check runs whenever the as-of date
    is on or after the last event date: always by default (the as-of date is that day) and with var
    `as_of_date` set to that day or later, where the backlog at the as-of date is the backlog at the
    last event date. With the var set earlier, the support tool tells a ticket's status on that day
    only through the same ticket events the backlog is rebuilt from, so comparing would test the
    model against itself: the check is not applicable and returns no rows. -#}

with

comparable_as_of_dates as (

    {#- One row when the as-of date has reached the end of the data, none otherwise. -#}
    select as_of_date
    from {{ ref('int_calendar_bounds_computed') }}
    where as_of_date >= last_event_date

),

rebuilt_backlog as (

    {#- A missing month row is a difference too (null), never a silent pass. -#}
    select backlog.value as backlog_tickets
    from comparable_as_of_dates
    left join {{ ref('ticket_backlog') }} as backlog
        on
            backlog.period_start = cast({{ dbt.date_trunc('month', 'comparable_as_of_dates.as_of_date') }} as date)
            and backlog.period_grain = 'month'
            and backlog.dimension = 'all'

),

current_backlog as (

    select count(*) as backlog_tickets
    from {{ ref('stg_support__tickets') }}
    where status in ('new', 'open', 'pending')

)

select
    rebuilt_backlog.backlog_tickets as rebuilt_from_history,
    current_backlog.backlog_tickets as current_status
from rebuilt_backlog
cross join current_backlog
where
    rebuilt_backlog.backlog_tickets is null
    or rebuilt_backlog.backlog_tickets != current_backlog.backlog_tickets
