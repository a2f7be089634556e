with

source as (

    {{ live_source_rows('support', 'business_hours') }}

),

renamed as (

    select
        -- strings
        trim(time_zone) as time_zone,

        -- numerics: ISO weekday, and the interval's clock times as minutes after local midnight
        cast(weekday as {{ dbt.type_int() }}) as day_of_week,
        cast(substring(start_time, 1, 2) as {{ dbt.type_int() }}) * 60
        + cast(substring(start_time, 4, 2) as {{ dbt.type_int() }}) as start_minute,
        cast(substring(end_time, 1, 2) as {{ dbt.type_int() }}) * 60
        + cast(substring(end_time, 4, 2) as {{ dbt.type_int() }}) as end_minute,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
