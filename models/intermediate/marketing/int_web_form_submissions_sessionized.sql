{#- Every website form submission (stg_product__form_submissions) with the web session it was made
    in (int_web_sessions_converted): the session of the same visitor (browser) whose first page
    view is at or before the submission and whose last is at most var web_session_timeout_minutes
    before it, the window in which a further page view would still belong to the session. Sessions
    of a visitor are more than the timeout apart, so at most one matches; a submission whose page
    views were not tracked has none (null session_id and channel). A newsletter submission is the
    e-mail's first sign-up when no earlier newsletter submission gave the same e-mail hash, on any
    browser (ties in time ordered by form_submission_id): later ones re-subscribe an address
    already on the list. -#}

{%- set timeout_minutes = checked_var('web_session_timeout_minutes', minimum=1) %}

with

form_submissions as (

    select * from {{ ref('stg_product__form_submissions') }}

),

sessions as (

    select * from {{ ref('int_web_sessions_converted') }}

),

sessionized as (

    select
        form_submissions.*,
        sessions.session_id,
        sessions.channel

    from form_submissions
    left join sessions
        on
            form_submissions.visitor_id = sessions.visitor_id
            and form_submissions.submitted_at >= sessions.started_at
            and form_submissions.submitted_at <= {{ dbt.dateadd('minute', timeout_minutes, 'sessions.ended_at') }}

),

newsletter_ordered as (

    select
        sessionized.*,
        case
            when sessionized.form_type = 'newsletter'
                then row_number() over (
                    partition by sessionized.form_type, sessionized.email_hash
                    order by sessionized.submitted_at, sessionized.form_submission_id
                )
        end as newsletter_submission_number

    from sessionized

),

final as (

    select
        form_submission_id,
        session_id,
        visitor_id,
        product_user_id,
        email_hash,
        form_type,
        page_path,
        channel,
        utm_source,
        utm_medium,
        utm_campaign,
        submitted_at,
        coalesce(newsletter_submission_number = 1, false) as is_first_newsletter_signup

    from newsletter_ordered

)

select * from final
