with

source as (

    {{ live_source_rows('revops', 'gl_expenses') }}

),

renamed as (

    select
        -- keys
        month as month_start_date,
        {{ normalize_enum('department') }} as department,
        {{ normalize_enum('category') }} as expense_category,

        -- strings
        upper(trim(currency)) as currency_code,

        -- numerics
        amount,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
