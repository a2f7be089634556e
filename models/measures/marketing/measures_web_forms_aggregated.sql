{#- Website form measures per period (month, quarter, year) and breakdown (channel, form_type):
    website sessions started in the period (fct_web_sessions) and those of them with a form
    submission (any form on the company and channel rows; the row's form type on the form_type
    rows), and the form submissions made in the period (fct_form_submissions, by submission day)
    with the newsletter sign-ups among them (an e-mail's first newsletter submission). A form_type
    row's `sessions` is every session of the period (the company count): a session is not of a
    form type, so the rate of a form is over all visits. The measures of newsletter_signups and
    form_conversion_rate. Every period has a company row (zeros when nobody visited); a channel has
    a row where it had sessions or submissions, and every form type seen in the data a row in every
    period. -#}

with

sessions as (

    select * from {{ ref('fct_web_sessions') }}

),

form_submissions as (

    select * from {{ ref('fct_form_submissions') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

sessions_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        sessions.channel,
        case when sessions.has_form_submission then 1 else 0 end as has_form_submission

    from sessions
    inner join reporting_periods
        on sessions.started_date between reporting_periods.period_start and reporting_periods.period_last_date

),

sessions_by_dimension as (

    {{ unpivot_dimensions('sessions_in_periods', ['channel']) }}

),

session_counts as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as sessions,
        sum(has_form_submission) as form_sessions

    from sessions_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

session_form_types as (

    {#- Each session once per form type it submitted, in the period the session started. -#}
    select distinct
        reporting_periods.period_grain,
        reporting_periods.period_start,
        form_submissions.form_type,
        form_submissions.session_id

    from form_submissions
    inner join sessions
        on form_submissions.session_id = sessions.session_id
    inner join reporting_periods
        on sessions.started_date between reporting_periods.period_start and reporting_periods.period_last_date

),

form_types as (

    select distinct form_type from form_submissions

),

form_type_session_counts as (

    {#- Every form type in every period: the sessions that submitted it over all the period's
        sessions (the company row's count). -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        'form_type' as dimension,
        form_types.form_type as dimension_value,
        coalesce(company_sessions.sessions, 0) as sessions,
        count(session_form_types.session_id) as form_sessions

    from reporting_periods
    cross join form_types
    left join session_counts as company_sessions
        on
            reporting_periods.period_grain = company_sessions.period_grain
            and reporting_periods.period_start = company_sessions.period_start
            and company_sessions.dimension = 'all'
    left join session_form_types
        on
            reporting_periods.period_grain = session_form_types.period_grain
            and reporting_periods.period_start = session_form_types.period_start
            and form_types.form_type = session_form_types.form_type
    group by
        reporting_periods.period_grain,
        reporting_periods.period_start,
        form_types.form_type,
        company_sessions.sessions

),

submissions_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        form_submissions.channel,
        form_submissions.form_type,
        case when form_submissions.is_first_newsletter_signup then 1 else 0 end as is_first_newsletter_signup

    from form_submissions
    inner join reporting_periods
        on form_submissions.submitted_date between reporting_periods.period_start and reporting_periods.period_last_date

),

submissions_by_dimension as (

    {{ unpivot_dimensions('submissions_in_periods', ['channel', 'form_type']) }}

),

submission_counts as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as form_submissions,
        sum(is_first_newsletter_signup) as newsletter_signups

    from submissions_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

all_session_counts as (

    select * from session_counts
    union all
    select * from form_type_session_counts

),

aggregated as (

    select
        coalesce(all_session_counts.period_grain, submission_counts.period_grain) as period_grain,
        coalesce(all_session_counts.period_start, submission_counts.period_start) as period_start,
        coalesce(all_session_counts.dimension, submission_counts.dimension) as dimension,
        coalesce(all_session_counts.dimension_value, submission_counts.dimension_value) as dimension_value,
        all_session_counts.sessions,
        all_session_counts.form_sessions,
        submission_counts.form_submissions,
        submission_counts.newsletter_signups

    from all_session_counts
    full outer join submission_counts
        on {{ kpi_row_join('all_session_counts', 'submission_counts') }}

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['sessions', 'form_sessions', 'form_submissions', 'newsletter_signups'],
    data_types={'sessions': dbt.type_bigint(), 'form_sessions': dbt.type_bigint(),
        'form_submissions': dbt.type_bigint(), 'newsletter_signups': dbt.type_bigint()},
) }}
