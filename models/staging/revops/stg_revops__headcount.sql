with

source as (

    {{ live_source_rows('revops', 'headcount') }}

),

renamed as (

    select
        -- keys
        month as month_start_date,
        {{ normalize_enum('department') }} as department,

        -- strings
        upper(trim(currency)) as currency_code,

        -- numerics
        employees,
        average_monthly_salary,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
