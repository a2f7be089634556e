with

source as (

    select * from {{ source('revops', 'kpi_targets') }}

),

latest as (

    {{ latest_version('source', ['kpi_id', 'period_grain', 'period_start', 'dimension', 'dimension_value']) }}

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

    from latest

)

select * from renamed
