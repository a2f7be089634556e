with

source as (

    {{ live_source_rows('support', 'nps_responses') }}

),

renamed as (

    select
        -- ids
        id as nps_response_id,
        account_id as crm_account_id,
        billing_customer_id,

        -- strings
        lower(trim(recipient_email)) as recipient_email,
        comment,

        -- numerics
        score,

        -- enums: NPS band of the answer (null when no response)
        case
            when score >= 9 then 'promoter'
            when score >= 7 then 'passive'
            when score >= 0 then 'detractor'
        end as nps_category,

        -- booleans
        score is not null as has_responded,

        -- timestamps
        {{ to_utc_timestamp('sent_at') }} as sent_at,
        {{ to_utc_timestamp('responded_at') }} as responded_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
