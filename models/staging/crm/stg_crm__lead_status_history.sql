with

source as (

    {{ live_source_rows('crm', 'lead_status_history') }}

),

renamed as (

    select
        -- ids
        Id as lead_status_history_id,
        LeadId as lead_id,

        -- enums
        {{ normalize_enum('Field') }} as field_name,
        {{ normalize_enum('OldValue') }} as old_status,
        {{ normalize_enum('NewValue') }} as new_status,

        -- strings
        nullif(lower(trim(QualificationCriteria)), '') as qualification_criteria,
        {{ normalize_enum('DisqualificationReason') }} as disqualification_reason,

        -- numerics: how many criteria the list names (one more than its separators)
        case
            when nullif(trim(QualificationCriteria), '') is null then 0
            else length(trim(QualificationCriteria)) - length(replace(trim(QualificationCriteria), ';', '')) + 1
        end as qualification_criteria_count,

        -- timestamps
        {{ to_utc_timestamp('CreatedDate') }} as changed_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
