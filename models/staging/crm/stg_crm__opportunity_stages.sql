with

source as (

    {{ live_source_rows('crm', 'opportunity_stages') }}

),

renamed as (

    select
        -- ids
        Id as opportunity_stage_id,

        -- enums and labels
        {{ normalize_enum('MasterLabel') }} as stage_name,
        trim(MasterLabel) as stage_label,

        -- numerics
        SortOrder as sort_order,
        DefaultProbability as default_probability,

        -- booleans
        IsActive as is_active,
        IsClosed as is_closed,
        IsWon as is_won,

        -- timestamps
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
