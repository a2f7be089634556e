{#- Raw-to-staging reconciliation: one row per raw table of audited_raw_tables(), what
    audit_raw_row_fates decided for its rows, and how many rows its staging model really has. -#}

with

fates as (

    select * from {{ ref('audit_raw_row_fates') }}

),

staged as (

    {% for source_name, table_name in audited_raw_tables() %}
        {{ audit_staged_rows(source_name, table_name) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

fate_counts as (

    select
        source_name,
        table_name,
        count(*) as raw_rows,
        sum(case when row_fate = 'superseded' then 1 else 0 end) as superseded_rows,
        sum(case when row_fate = 'entry_error' then 1 else 0 end) as entry_error_rows,
        sum(case when row_fate = 'quarantined' then 1 else 0 end) as quarantined_rows,
        sum(case when row_fate = 'staged' and is_deleted then 1 else 0 end) as staged_deleted_rows

    from fates
    group by source_name, table_name

),

final as (

    select
        staged.source_name,
        staged.table_name,
        staged.staging_model,
        coalesce(fate_counts.raw_rows, 0) as raw_rows,
        coalesce(fate_counts.superseded_rows, 0) as superseded_rows,
        coalesce(fate_counts.entry_error_rows, 0) as entry_error_rows,
        coalesce(fate_counts.quarantined_rows, 0) as quarantined_rows,
        staged.staged_rows,
        coalesce(fate_counts.staged_deleted_rows, 0) as staged_deleted_rows,
        coalesce(fate_counts.raw_rows, 0)
        - coalesce(fate_counts.superseded_rows, 0)
        - coalesce(fate_counts.entry_error_rows, 0)
        - coalesce(fate_counts.quarantined_rows, 0)
        - staged.staged_rows as unexplained_rows

    from staged
    left join fate_counts
        on
            staged.source_name = fate_counts.source_name
            and staged.table_name = fate_counts.table_name

)

select * from final
