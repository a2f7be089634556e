{#- support.holidays from Fivetran's Zendesk `schedule_holiday` table: the holidays of the one
    schedule the contract holds (zendesk_chosen_schedule, as business_hours), one row per day from
    start_date to end_date inclusive (a null end_date is a one-day holiday; up to 1,000 days).
    Where two holidays of the schedule share a day, the day is named after the one that starts
    first (then the lowest id). -#}

with

schedule_holidays as (

    select * from {{ source('zendesk', 'schedule_holiday') }}

),

schedules as (

    select * from {{ source('zendesk', 'schedule') }}

),

chosen_schedule as (

    {{ zendesk_chosen_schedule('schedules') }}

),

digits as (

    {{ literal_rows([('digit', dbt.type_int())], [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9]]) }}

),

day_offsets as (

    {#- 0 to 999: the days after a holiday's first day. -#}
    select hundreds.digit * 100 + tens.digit * 10 + units.digit as day_offset

    from digits as hundreds
    cross join digits as tens
    cross join digits as units

),

live_holidays as (

    select schedule_holidays.*

    from schedule_holidays
    inner join chosen_schedule
        on schedule_holidays.schedule_id = chosen_schedule.schedule_id
    where not coalesce(schedule_holidays._fivetran_deleted, false)

),

holiday_days as (

    select
        live_holidays.id,
        live_holidays.name,
        live_holidays.start_date,
        live_holidays._fivetran_synced,
        cast({{ dbt.dateadd('day', 'day_offsets.day_offset', 'live_holidays.start_date') }} as date) as holiday_date

    from live_holidays
    inner join day_offsets
        on day_offsets.day_offset <= {{ dbt.datediff('live_holidays.start_date', 'coalesce(live_holidays.end_date, live_holidays.start_date)', 'day') }}

),

ranked_holiday_days as (

    select
        holiday_days.*,
        row_number() over (
            partition by holiday_days.holiday_date
            order by holiday_days.start_date, holiday_days.id
        ) as holiday_rank

    from holiday_days

),

final as (

    {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
    select
        holiday_date,
        cast(name as {{ dbt.type_string() }}) as name,  -- noqa: RF04
        cast(_fivetran_synced as {{ type_timestamptz() }}) as _loaded_at

    from ranked_holiday_days
    where holiday_rank = 1

)

select * from final
