with

source as (

    {{ live_source_rows('support', 'tickets') }}

),

renamed as (

    select
        -- ids
        id as ticket_id,
        account_id as crm_account_id,
        assignee_id as assignee_agent_id,

        -- strings
        lower(trim(requester_email)) as requester_email,
        subject,
        group_name,

        -- enums
        {{ normalize_enum('channel') }} as channel,
        {{ normalize_enum('priority') }} as priority,
        {{ normalize_enum('status') }} as status,

        -- timestamps
        {{ to_utc_timestamp('created_at') }} as created_at,
        {{ to_utc_timestamp('updated_at') }} as updated_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at,

        -- soft delete (a record deleted after the grace period stays, flagged: raw_row_fates)
        _is_deleted as is_deleted,
        _deleted_at as deleted_at

    from source

)

select * from renamed
