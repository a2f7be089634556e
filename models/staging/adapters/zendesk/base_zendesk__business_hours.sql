{#- support.business_hours from Fivetran's Zendesk `schedule` table: the working intervals of the one
    schedule the contract holds (zendesk_chosen_schedule: var zendesk_schedule_id, else the oldest
    schedule), each turned from minutes after Sunday 00:00 of the week into an ISO weekday (1 =
    Monday ... 7 = Sunday) and local HH:MM clock times, its time zone from Zendesk's Rails name into
    the IANA name. Zendesk intervals never span a day boundary; one that did would be cut at
    midnight into one row per day. -#}

with

schedules as (

    select * from {{ source('zendesk', 'schedule') }}

),

chosen_schedule as (

    {{ zendesk_chosen_schedule('schedules') }}

),

week_days as (

    {#- Days of the Zendesk week, 0 = Sunday to 6 = Saturday. -#}
    {{ literal_rows([('day_number', dbt.type_int())], [[0], [1], [2], [3], [4], [5], [6]]) }}

),

schedule_intervals as (

    select schedules.*

    from schedules
    inner join chosen_schedule
        on schedules.id = chosen_schedule.schedule_id
    where not coalesce(schedules._fivetran_deleted, false)

),

day_intervals as (

    {#- The part of each interval on each day it touches, in minutes after that day's midnight. -#}
    select
        schedule_intervals.time_zone,
        schedule_intervals._fivetran_synced,
        week_days.day_number,
        greatest(schedule_intervals.start_time, week_days.day_number * 1440) - week_days.day_number * 1440
            as start_minute,
        least(schedule_intervals.end_time, (week_days.day_number + 1) * 1440) - week_days.day_number * 1440
            as end_minute

    from schedule_intervals
    inner join week_days
        on
            schedule_intervals.start_time < (week_days.day_number + 1) * 1440
            and schedule_intervals.end_time > week_days.day_number * 1440

),

final as (

    {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
    select
        cast({{ zendesk_iana_time_zone('time_zone') }} as {{ dbt.type_string() }}) as time_zone,
        cast(case when day_number = 0 then 7 else day_number end as {{ dbt.type_int() }}) as weekday,  -- noqa: RF04
        cast({{ zendesk_clock_time('start_minute') }} as {{ dbt.type_string() }}) as start_time,
        cast({{ zendesk_clock_time('end_minute') }} as {{ dbt.type_string() }}) as end_time,
        cast(_fivetran_synced as {{ type_timestamptz() }}) as _loaded_at

    from day_intervals

)

select * from final
