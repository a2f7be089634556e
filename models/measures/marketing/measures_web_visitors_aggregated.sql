{#- Unique website visitors per period (month, quarter, year) and breakdown (channel), from
    fct_web_sessions by the session's start day: visitors with a session in the period, those of
    them with a session that converted to a signup in the period, and those whose signup was a
    trial. A visitor counts once per period, in the channel of its first session of the period
    (first touch within the period), so the channel rows add up to the company row. The measures of
    visitor_signup_rate and trial_signup_rate. Every period has a company row (zeros when nobody
    visited); a channel has a row where visitors first came through it in the period. -#}

with

sessions as (

    select * from {{ ref('fct_web_sessions') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

sessions_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        sessions.visitor_id,
        sessions.channel,
        case when sessions.is_signup_session then 1 else 0 end as is_signup_session,
        case when sessions.is_signup_session and sessions.signup_type = 'trial' then 1 else 0 end as is_trial_signup_session,
        row_number() over (
            partition by reporting_periods.period_grain, reporting_periods.period_start, sessions.visitor_id
            order by sessions.started_at, sessions.session_id
        ) as period_session_number

    from sessions
    inner join reporting_periods
        on sessions.started_date between reporting_periods.period_start and reporting_periods.period_last_date

),

visitors_in_periods as (

    select
        period_grain,
        period_start,
        visitor_id,
        max(case when period_session_number = 1 then channel end) as channel,
        max(is_signup_session) as has_signed_up,
        max(is_trial_signup_session) as has_signed_up_for_trial

    from sessions_in_periods
    group by
        period_grain,
        period_start,
        visitor_id

),

visitors_by_dimension as (

    {{ unpivot_dimensions('visitors_in_periods', ['channel']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as unique_visitors,
        sum(has_signed_up) as signed_up_visitors,
        sum(has_signed_up_for_trial) as trial_signed_up_visitors

    from visitors_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['unique_visitors', 'signed_up_visitors', 'trial_signed_up_visitors'],
) }}
