{#- Every raw row the quarantine set aside, one row each: source, table, key, the column and value
    at fault and the reason code (the rules are the sources YAML's `meta.row_checks`, applied by
    raw_row_fates in audit_raw_row_fates). Staging never sees these rows; audit_raw_row_counts counts
    them. -#}

with

fates as (

    select * from {{ ref('audit_raw_row_fates') }}

),

final as (

    select
        source_name,
        table_name,
        row_key,
        column_name,
        reason_code,
        raw_value,
        loaded_at

    from fates
    where row_fate = 'quarantined'

)

select * from final
