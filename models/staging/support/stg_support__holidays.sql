with

source as (

    {{ live_source_rows('support', 'holidays') }}

),

renamed as (

    select
        -- dates
        holiday_date,

        -- strings
        name as holiday_name,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
