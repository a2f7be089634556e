with

source as (

    {{ live_source_rows('crm', 'account_history') }}

),

renamed as (

    select
        -- ids
        Id as account_history_id,
        AccountId as account_id,

        -- enums
        {{ normalize_enum('Field') }} as field_name,

        -- strings: the changed field's values as exported
        OldValue as old_value,
        NewValue as new_value,

        -- segment changes: canonical segments
        case
            when {{ normalize_enum('Field') }} = 'segment'
                then {{ normalize_enum('OldValue') }}
        end as old_segment,
        case
            when {{ normalize_enum('Field') }} = 'segment'
                then {{ normalize_enum('NewValue') }}
        end as new_segment,

        -- timestamps
        {{ to_utc_timestamp('CreatedDate') }} as changed_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at

    from source

)

select * from renamed
