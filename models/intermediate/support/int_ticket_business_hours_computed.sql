{#- One row per live ticket with its first response and resolution times in business hours: the
    part of the time from creation to the first public agent reply, and to the final solve, that
    falls inside the support schedule (stg_support__business_hours, each interval in its own time
    zone, daylight saving time included) on a local date that is not a holiday. Null when the team
    has loaded no schedule, and where the calendar-hour duration is null. -#}

{%- set spans = [('first_response', 'first_agent_reply_at'), ('resolution', 'final_solved_at')] %}

with

ticket_milestones as (

    select * from {{ ref('int_ticket_milestones_computed') }}

),

dates as (

    select * from {{ ref('int_dates_listed') }}

),

business_hours as (

    select * from {{ ref('stg_support__business_hours') }}

),

holidays as (

    select * from {{ ref('stg_support__holidays') }}

),

schedule as (

    select count(*) as schedule_intervals from business_hours

),

business_windows as (

    {#- Every working interval of every calendar date that is not a holiday, as a UTC range: the
        local clock times become UTC in the interval's time zone on that date, so a window after a
        daylight saving change starts an hour earlier or later in UTC. -#}
    select
        {{ local_to_utc_timestamp(
            dbt.dateadd('minute', 'business_hours.start_minute', 'cast(dates.date_day as ' ~ dbt.type_timestamp() ~ ')'),
            'business_hours.time_zone'
        ) }} as window_start_at,
        {{ local_to_utc_timestamp(
            dbt.dateadd('minute', 'business_hours.end_minute', 'cast(dates.date_day as ' ~ dbt.type_timestamp() ~ ')'),
            'business_hours.time_zone'
        ) }} as window_end_at

    from dates
    inner join business_hours
        on dates.day_of_week = business_hours.day_of_week
    left join holidays
        on dates.date_day = holidays.holiday_date
    where holidays.holiday_date is null

),

ticket_spans as (

    {#- The two durations of a ticket, as in fct_tickets: from creation to the first public agent
        reply, and to the final solve (an end before the creation is no time at all). -#}
    {%- for span_kind, end_column in spans %}
        select
            ticket_id,
            '{{ span_kind }}' as span_kind,
            created_at as span_start_at,
            {{ end_column }} as span_end_at
        from ticket_milestones
        where {{ end_column }} > created_at
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

span_business_seconds as (

    select
        ticket_spans.ticket_id,
        ticket_spans.span_kind,
        sum({{ dbt.datediff(
            'case when ticket_spans.span_start_at > business_windows.window_start_at then ticket_spans.span_start_at else business_windows.window_start_at end',
            'case when ticket_spans.span_end_at < business_windows.window_end_at then ticket_spans.span_end_at else business_windows.window_end_at end',
            'second'
        ) }}) as business_seconds

    from ticket_spans
    inner join business_windows
        on
            ticket_spans.span_end_at > business_windows.window_start_at
            and ticket_spans.span_start_at < business_windows.window_end_at
    group by
        ticket_spans.ticket_id,
        ticket_spans.span_kind

),

final as (

    select
        ticket_milestones.ticket_id,
        cast(case
            when schedule.schedule_intervals > 0 and ticket_milestones.first_agent_reply_at is not null
                then {{ round_to_scale(divided('coalesce(first_response_seconds.business_seconds, 0)', 3600), 6) }}
        end as decimal(38, 6)) as first_response_business_hours,
        cast(case
            when schedule.schedule_intervals > 0 and ticket_milestones.final_solved_at is not null
                then {{ round_to_scale(divided('coalesce(resolution_seconds.business_seconds, 0)', 3600), 6) }}
        end as decimal(38, 6)) as resolution_business_hours

    from ticket_milestones
    cross join schedule
    {%- for span_kind, _ in spans %}
        left join span_business_seconds as {{ span_kind }}_seconds
            on
                ticket_milestones.ticket_id = {{ span_kind }}_seconds.ticket_id
                and {{ span_kind }}_seconds.span_kind = '{{ span_kind }}'
    {%- endfor %}

)

select * from final
