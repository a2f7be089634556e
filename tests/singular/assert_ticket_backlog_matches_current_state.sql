{#- The backlog rebuilt from ticket status history must agree with the tickets' current status where
    both describe the same moment: at the as-of date (the latest data, when var `as_of_date` is not
    set), the month's company backlog equals the live tickets now new, open or pending. Returns the
    two counts when they differ. -#}

with

rebuilt_backlog as (

    select backlog.value as backlog_tickets
    from {{ ref('ticket_backlog') }} as backlog
    inner join {{ ref('int_calendar_bounds_computed') }} as bounds
        on backlog.period_start = cast({{ dbt.date_trunc('month', 'bounds.as_of_date') }} as date)
    where backlog.period_grain = 'month' and backlog.dimension = 'all'

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
    rebuilt_backlog.backlog_tickets != current_backlog.backlog_tickets
    {#- With var `as_of_date` set, the as-of backlog lies in the past and need not match today. #}
    and {{ 'true' if var('as_of_date') is none else 'false' }}
