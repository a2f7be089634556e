with

source as (

    {{ live_source_rows('support', 'satisfaction_ratings') }}

),

renamed as (

    select
        -- ids
        id as satisfaction_rating_id,
        ticket_id,

        -- enums
        {{ normalize_enum('score') }} as score,

        -- strings
        comment,

        -- booleans
        coalesce({{ normalize_enum('score') }} in ('good', 'bad'), false) as is_rated,

        -- timestamps
        {{ to_utc_timestamp('created_at') }} as created_at,
        {{ to_utc_timestamp('updated_at') }} as updated_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
