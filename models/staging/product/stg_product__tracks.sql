{{
    config(
        materialized=incremental_staging_materialization(),
        unique_key='track_id',
        post_hook="{{ remove_unstaged_rows('product', 'tracks') }}"
    )
}}

{%- set value_events = var('product_value_events') or [] -%}
{%- if value_events is string or value_events is mapping or value_events is not iterable -%}
    {{ exceptions.raise_compiler_error('var product_value_events must be a list of event names, got ' ~ value_events) }}
{%- endif -%}

with

source as (

    {{ live_source_rows('product', 'tracks') }}

),

renamed as (

    select
        -- ids
        id as track_id,
        user_id as product_user_id,

        -- enums
        {{ normalize_enum('event') }} as event_name,

        -- booleans
        {% if value_events -%}
            coalesce(
                {{ normalize_enum('event') }} in (
                    {%- for value_event in value_events -%}
                        {{ sql_string_literal(value_event) }}{{ ', ' if not loop.last }}
                    {%- endfor -%}
                ),
                false
            )
        {%- else -%}
            false
        {%- endif %} as is_value_action,

        -- timestamps
        {{ to_utc_timestamp(adapter.quote('timestamp')) }} as occurred_at,
        {{ to_utc_timestamp('received_at') }} as received_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
