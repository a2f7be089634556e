{{
    config(
        materialized=incremental_staging_materialization(),
        unique_key='activity_id',
        post_hook="{{ remove_unstaged_rows('crm', 'activities') }}"
    )
}}

with

source as (

    {{ live_source_rows('crm', 'activities') }}

),

renamed as (

    select
        -- ids
        Id as activity_id,
        WhoId as who_id,
        WhatId as opportunity_id,
        OwnerId as owner_user_id,

        -- strings
        subject,

        -- enums
        {{ normalize_enum('Type') }} as activity_type,

        -- timestamps
        {{ to_utc_timestamp('ActivityDateTime') }} as activity_at,
        {{ to_utc_timestamp('SystemModstamp') }} as system_modified_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at,

        -- soft delete (a record deleted after the grace period stays, flagged: raw_row_fates)
        _is_deleted as is_deleted,
        _deleted_at as deleted_at

    from source

)

select * from renamed
