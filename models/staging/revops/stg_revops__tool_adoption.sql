with

source as (

    select * from {{ source('revops', 'tool_adoption') }}

),

latest as (

    {{ latest_version('source', ['month', 'tool']) }}

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

    from latest

)

select * from renamed
