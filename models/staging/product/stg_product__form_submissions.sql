with

source as (

    {{ live_source_rows('product', 'form_submissions') }}

),

renamed as (

    select
        -- ids
        id as form_submission_id,
        anonymous_id as visitor_id,
        user_id as product_user_id,
        lower(trim(email_hash)) as email_hash,

        -- enums
        {{ normalize_enum('form_type') }} as form_type,

        -- strings: the path as stg_product__pages writes it, and the visit's campaign tags
        {{ normalize_page_path('path') }} as page_path,
        lower(trim(utm_source)) as utm_source,
        lower(trim(utm_medium)) as utm_medium,
        lower(trim(utm_campaign)) as utm_campaign,

        -- timestamps
        {{ to_utc_timestamp(adapter.quote('timestamp')) }} as submitted_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

),

final as (

    select * from renamed

)

select * from final
