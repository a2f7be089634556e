{%- set high_intent_paths = checked_string_list_var('web_high_intent_paths', '/[a-z0-9/.-]*[a-z0-9.-]', '/pricing') -%}

with

source as (

    {{ live_source_rows('product', 'pages') }}

),

renamed as (

    select
        -- ids
        id as page_view_id,
        anonymous_id as visitor_id,
        user_id as product_user_id,

        -- strings: the path lower case without a trailing slash (the root stays '/')
        {{ normalize_page_path('path') }} as page_path,
        trim(referrer) as referrer,
        lower(trim(utm_source)) as utm_source,
        lower(trim(utm_medium)) as utm_medium,
        lower(trim(utm_campaign)) as utm_campaign,

        -- enums
        {{ normalize_enum('channel') }} as channel,

        -- timestamps
        {{ to_utc_timestamp(adapter.quote('timestamp')) }} as viewed_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

),

flagged as (

    select
        page_view_id,
        visitor_id,
        product_user_id,
        page_path,
        {#- The high-intent path (var web_high_intent_paths) the page is or lies below. -#}
        case
            {%- for high_intent_path in high_intent_paths %}
                when
                    page_path = {{ sql_string_literal(high_intent_path) }}
                    or page_path like {{ sql_string_literal(high_intent_path ~ '/%') }}
                    then {{ sql_string_literal(high_intent_path) }}
            {%- endfor %}
        end as high_intent_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        channel,
        viewed_at,
        loaded_at

    from renamed

),

final as (

    select
        page_view_id,
        visitor_id,
        product_user_id,
        page_path,
        high_intent_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        channel,

        -- booleans
        high_intent_path is not null as is_high_intent,

        viewed_at,
        loaded_at

    from flagged

)

select * from final
