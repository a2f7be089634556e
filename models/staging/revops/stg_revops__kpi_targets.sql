with

source as (

    {{ live_source_rows('revops', 'kpi_targets') }}

),

renamed as (

    select
        -- keys
        {{ normalize_enum('kpi_id') }} as kpi_id,
        {{ normalize_enum('period_grain') }} as period_grain,
        period_start as period_start_date,
        {{ normalize_enum('dimension') }} as dimension,
        {{ normalize_enum('dimension_value') }} as dimension_value,

        -- numerics
        target_value,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
