{#- One row per website form submission made by the as-of date (int_web_form_submissions_sessionized):
    the form type, page, visitor, e-mail hash, the web session it was made in and that session's
    channel, whether it is the e-mail's first newsletter sign-up, and its day in the reporting
    timezone: the drill-through fact behind newsletter_signups and form_conversion_rate. -#}

with

form_submissions as (

    select * from {{ ref('int_web_form_submissions_sessionized') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

dated as (

    select
        form_submissions.*,
        {{ to_reporting_date('form_submissions.submitted_at') }} as submitted_date

    from form_submissions

),

final as (

    select
        dated.form_submission_id,
        dated.session_id,
        dated.visitor_id,
        dated.product_user_id,
        dated.email_hash,
        dated.form_type,
        dated.page_path,
        dated.channel,
        dated.utm_source,
        dated.utm_medium,
        dated.utm_campaign,
        dated.submitted_at,
        dated.submitted_date,
        dated.is_first_newsletter_signup

    from dated
    cross join bounds
    where dated.submitted_date <= bounds.as_of_date

)

select * from final
