with

source as (

    {{ live_source_rows('revops', 'process_errors') }}

),

renamed as (

    select
        -- ids
        error_id,
        nullif(trim(initiative_id), '') as initiative_id,

        -- enums (`process` is the contract's name and a KPI dimension)
        {{ normalize_enum('process') }} as process,  -- noqa: RF04
        {{ normalize_enum('severity') }} as severity,

        -- numerics
        records_affected,

        -- dates
        detected_date,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
