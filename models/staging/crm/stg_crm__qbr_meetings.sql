with

source as (

    {{ live_source_rows('crm', 'qbr_meetings') }}

),

renamed as (

    select
        -- ids
        Id as qbr_meeting_id,
        AccountId as account_id,
        OwnerId as owner_user_id,

        -- enums
        {{ normalize_enum('Status') }} as meeting_status,

        -- timestamps
        {{ to_utc_timestamp('StartDateTime') }} as started_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
