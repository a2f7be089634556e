with

source as (

    {{ live_source_rows('support', 'agents') }}

),

renamed as (

    select
        -- ids
        id as agent_id,

        -- strings
        name as agent_name,
        lower(trim(email)) as email,

        -- enums
        {{ normalize_enum('role') }} as agent_role,
        {{ normalize_enum('team') }} as team,

        -- booleans
        is_active,

        -- timestamps
        {{ to_utc_timestamp('created_at') }} as created_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
