with

source as (

    {{ live_source_rows('billing', 'prices') }}

),

renamed as (

    select
        -- ids
        id as price_id,
        product_id,

        -- strings / enums
        {{ normalize_enum('plan_tier') }} as plan_tier,
        {{ normalize_enum('recurring_interval') }} as recurring_interval,
        upper(trim(currency)) as currency_code,

        -- numerics
        recurring_interval_count,
        case {{ normalize_enum('recurring_interval') }}
            when 'month' then recurring_interval_count
            when 'year' then 12 * recurring_interval_count
        end as interval_months,
        {{ to_major_units('unit_amount', 'currency') }} as unit_amount,

        -- booleans
        active as is_active,

        -- timestamps
        {{ to_utc_timestamp('created') }} as created_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
