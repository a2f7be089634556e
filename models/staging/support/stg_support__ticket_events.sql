{{
    config(
        materialized=incremental_staging_materialization(),
        unique_key='ticket_event_id',
        post_hook="{{ remove_unstaged_rows('support', 'ticket_events') }}"
    )
}}

with

source as (

    {{ live_source_rows('support', 'ticket_events') }}

),

renamed as (

    select
        -- ids
        id as ticket_event_id,
        ticket_id,
        author_id,

        -- enums
        {{ normalize_enum('event_type') }} as event_type,
        {{ normalize_enum('author_role') }} as author_role,
        {{ normalize_enum('field_name') }} as field_name,

        -- strings: the changed field's values as exported
        previous_value,
        value as new_value,

        -- status changes: canonical ticket statuses
        case
            when {{ normalize_enum('field_name') }} = 'status'
                then {{ normalize_enum('previous_value') }}
        end as previous_status,
        case
            when {{ normalize_enum('field_name') }} = 'status'
                then {{ normalize_enum('value') }}
        end as new_status,

        -- booleans
        is_public,

        -- timestamps
        {{ to_utc_timestamp('created_at') }} as created_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
