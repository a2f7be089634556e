with

source as (

    {{ live_source_rows('revops', 'initiatives') }}

),

renamed as (

    select
        -- ids
        initiative_id,

        -- strings / enums
        name as initiative_name,
        owner as owner_name,
        upper(trim(planned_quarter)) as planned_quarter,
        {{ normalize_enum('size') }} as size,
        {{ normalize_enum('status') }} as status,

        -- numerics
        size_weight,
        est_hours_saved_per_month as estimated_hours_saved_per_month,

        -- dates
        cast(
            concat(
                left(trim(planned_quarter), 4),
                '-',
                lpad(cast(3 * cast(right(trim(planned_quarter), 1) as integer) - 2 as {{ dbt.type_string() }}), 2, '0'),
                '-01'
            ) as date
        ) as planned_quarter_start_date,
        implemented_date,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
