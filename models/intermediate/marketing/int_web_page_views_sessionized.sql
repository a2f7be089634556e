{#- Every website page view (stg_product__pages) with the session it belongs to. A session is a
    visitor's (browser's) run of page views with no gap longer than var web_session_timeout_minutes
    (30) between one view and the next: the first view of a visitor, and every view more than the
    timeout after the visitor's previous view, starts a new session; sessions are numbered per
    visitor in time order. A session does not end at midnight or on a campaign change (a visit that
    lands again with new tags within the timeout stays one session, with its first landing's
    channel). Ties in time are ordered by page_view_id, so the numbering is deterministic. -#}

{%- set timeout_minutes = checked_var('web_session_timeout_minutes', minimum=1) %}

with

page_views as (

    select * from {{ ref('stg_product__pages') }}

),

gaps as (

    select
        page_views.*,
        lag(page_views.viewed_at) over (
            partition by page_views.visitor_id order by page_views.viewed_at, page_views.page_view_id
        ) as previous_viewed_at,
        row_number() over (
            partition by page_views.visitor_id order by page_views.viewed_at, page_views.page_view_id
        ) as visitor_view_number

    from page_views

),

session_starts as (

    select
        gaps.*,
        case
            when
                gaps.previous_viewed_at is null
                or {{ dbt.datediff('gaps.previous_viewed_at', 'gaps.viewed_at', 'second') }} > {{ timeout_minutes * 60 }}
                then 1
            else 0
        end as is_session_start

    from gaps

),

numbered as (

    select
        session_starts.*,
        sum(session_starts.is_session_start) over (
            partition by session_starts.visitor_id
            order by session_starts.visitor_view_number
            rows between unbounded preceding and current row
        ) as session_number

    from session_starts

),

final as (

    select
        page_view_id,
        {{ dbt.concat(['visitor_id', "'-'", dbt.safe_cast('session_number', dbt.type_string())]) }} as session_id,
        visitor_id,
        cast(session_number as {{ dbt.type_int() }}) as session_number,
        row_number() over (
            partition by visitor_id, session_number order by visitor_view_number
        ) as session_view_number,
        product_user_id,
        page_path,
        high_intent_path,
        is_high_intent,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        channel,
        viewed_at

    from numbered

)

select * from final
