with

source as (

    {{ live_source_rows('crm', 'users') }}

),

renamed as (

    select
        -- ids
        Id as user_id,
        ManagerId as manager_user_id,

        -- strings
        trim(Name) as user_name,
        lower(trim(Email)) as email,
        trim(Team) as team_name,

        -- enums
        {{ normalize_enum('UserRole') }} as user_role,
        {{ normalize_enum('Region') }} as region,

        -- booleans
        IsQuotaCarrying as is_quota_carrying,
        IsDeleted as is_deleted,

        -- dates
        HiredDate as hired_date,
        TerminatedDate as terminated_date,

        -- timestamps
        {{ to_utc_timestamp('SystemModstamp') }} as system_modified_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
