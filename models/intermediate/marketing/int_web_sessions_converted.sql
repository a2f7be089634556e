{#- One row per website session (int_web_page_views_sessionized): the visitor, the app user the
    visitor's browser was identified as, the landing page's channel ('direct' when the landing page
    has none), referrer and campaign tags, the session's span, its page views and high-intent page
    views, and whether it is a paid click (landing utm_medium in var web_paid_click_utm_mediums),
    comes from a sales-aligned channel (var web_sales_aligned_channels) and converted to a signup.
    A session converts when its visitor's app user signed up (stg_product__users.signup_at) between
    the session's first page view and var web_session_timeout_minutes after its last: the signup
    happened during the visit, not on a later day. At most one session of a visitor converts,
    since sessions are more than the timeout apart. A browser identified as several users (a
    shared computer) takes the smallest user id. The signup funnel: a session reached the signup
    page when it viewed a page of var web_signup_paths (or below one), and completed the signup
    when, after that view, it viewed a page of var web_signup_completed_paths (the page the app
    shows a new user) or the visitor's app user signed up in it. -#}

{%- set timeout_minutes = checked_var('web_session_timeout_minutes', minimum=1) %}
{%- set paid_mediums = checked_string_list_var('web_paid_click_utm_mediums', '[a-z0-9_.-]+', 'cpc') %}
{%- set sales_channels = checked_string_list_var('web_sales_aligned_channels', '[a-z0-9_]+', 'outbound') %}
{%- set signup_paths = checked_string_list_var('web_signup_paths', '/[a-z0-9/.-]*[a-z0-9.-]', '/signup') %}
{%- set completed_paths = checked_string_list_var('web_signup_completed_paths', '/[a-z0-9/.-]*[a-z0-9.-]', '/welcome') %}

with

page_views as (

    select * from {{ ref('int_web_page_views_sessionized') }}

),

product_users as (

    select * from {{ ref('stg_product__users') }}

),

landing_pages as (

    select * from page_views
    where session_view_number = 1

),

session_spans as (

    select
        session_id,
        min(viewed_at) as started_at,
        max(viewed_at) as ended_at,
        cast(count(*) as {{ dbt.type_bigint() }}) as page_views,
        cast(sum(case when is_high_intent then 1 else 0 end) as {{ dbt.type_bigint() }}) as high_intent_page_views,
        min(case when {{ page_path_among('page_path', signup_paths) }} then viewed_at end) as signup_page_reached_at,
        max(case when {{ page_path_among('page_path', completed_paths) }} then viewed_at end) as signup_completed_page_at

    from page_views
    group by session_id

),

visitor_users as (

    select
        visitor_id,
        min(product_user_id) as product_user_id

    from page_views
    where product_user_id is not null
    group by visitor_id

),

sessions as (

    select
        landing_pages.session_id,
        landing_pages.visitor_id,
        landing_pages.session_number,
        visitor_users.product_user_id,
        coalesce(landing_pages.channel, 'direct') as channel,
        landing_pages.page_path as landing_path,
        landing_pages.referrer,
        landing_pages.utm_source,
        landing_pages.utm_medium,
        landing_pages.utm_campaign,
        session_spans.started_at,
        session_spans.ended_at,
        session_spans.page_views,
        session_spans.high_intent_page_views,
        session_spans.signup_page_reached_at,
        session_spans.signup_completed_page_at

    from landing_pages
    inner join session_spans
        on landing_pages.session_id = session_spans.session_id
    left join visitor_users
        on landing_pages.visitor_id = visitor_users.visitor_id

),

converted as (

    select
        sessions.*,
        product_users.signup_type as user_signup_type,
        product_users.signup_at as user_signup_at,
        coalesce(
            product_users.signup_at >= sessions.started_at
            and product_users.signup_at <= {{ dbt.dateadd('minute', timeout_minutes, 'sessions.ended_at') }},
            false
        ) as is_signup_session

    from sessions
    left join product_users
        on sessions.product_user_id = product_users.product_user_id

),

final as (

    select
        session_id,
        visitor_id,
        session_number,
        product_user_id,
        channel,
        landing_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        started_at,
        ended_at,
        page_views,
        high_intent_page_views,
        coalesce(utm_medium in ({{ sql_string_list(paid_mediums) }}), false) as is_paid_click,
        channel in ({{ sql_string_list(sales_channels) }}) as is_sales_aligned,
        is_signup_session,
        case when is_signup_session then user_signup_type end as signup_type,
        signup_page_reached_at is not null as has_reached_signup_page,
        coalesce(
            signup_completed_page_at >= signup_page_reached_at
            or (is_signup_session and user_signup_at >= signup_page_reached_at),
            false
        ) as has_completed_signup

    from converted

)

select * from final
