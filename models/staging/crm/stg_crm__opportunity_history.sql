{{
    config(
        materialized=incremental_staging_materialization(),
        unique_key='opportunity_history_id',
        post_hook="{{ remove_unstaged_rows('crm', 'opportunity_history') }}"
    )
}}

with

source as (

    {{ live_source_rows('crm', 'opportunity_history') }}

),

renamed as (

    select
        -- ids
        Id as opportunity_history_id,
        OpportunityId as opportunity_id,

        -- enums
        {{ normalize_enum('StageName') }} as stage_name,

        -- numerics: already decimals in major units of the opportunity's currency
        amount,
        probability,

        -- dates
        CloseDate as close_date,

        -- timestamps
        {{ to_utc_timestamp('CreatedDate') }} as changed_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
