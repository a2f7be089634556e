with

source as (

    {{ live_source_rows('revops', 'tool_adoption') }}

),

renamed as (

    select
        -- keys
        month as month_start_date,
        {{ normalize_enum('tool') }} as tool_name,

        -- numerics
        licensed_users,
        active_users,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
