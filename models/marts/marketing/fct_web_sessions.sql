{#- One row per website session started by the as-of date (int_web_sessions_converted): visitor,
    channel, campaign tags, page views, high-intent page views, span and whether it converted to a
    signup (and how far it went in the signup funnel), the website forms submitted in it
    (int_web_form_submissions_sessionized), with its start day in the reporting timezone: the drill-through fact behind the web
    analytics KPIs (website traffic, high-intent page views, sales-aligned traffic growth, the
    visitor signup rates, signup funnel completion, form conversion rate). -#}

with

sessions as (

    select * from {{ ref('int_web_sessions_converted') }}

),

form_submissions as (

    select * from {{ ref('int_web_form_submissions_sessionized') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

session_forms as (

    select
        session_id,
        count(*) as form_submissions

    from form_submissions
    where session_id is not null
    group by session_id

),

dated as (

    select
        sessions.*,
        {{ to_reporting_date('sessions.started_at') }} as started_date,
        cast(coalesce(session_forms.form_submissions, 0) as {{ dbt.type_bigint() }}) as form_submissions

    from sessions
    left join session_forms
        on sessions.session_id = session_forms.session_id

),

final as (

    select
        dated.session_id,
        dated.visitor_id,
        dated.session_number,
        dated.product_user_id,
        dated.channel,
        dated.landing_path,
        dated.referrer,
        dated.utm_source,
        dated.utm_medium,
        dated.utm_campaign,
        dated.started_at,
        dated.ended_at,
        dated.started_date,
        dated.page_views,
        dated.high_intent_page_views,
        dated.is_paid_click,
        dated.is_sales_aligned,
        dated.is_signup_session,
        dated.signup_type,
        dated.has_reached_signup_page,
        dated.has_completed_signup,
        dated.form_submissions,
        dated.form_submissions > 0 as has_form_submission

    from dated
    cross join bounds
    where dated.started_date <= bounds.as_of_date

)

select * from final
