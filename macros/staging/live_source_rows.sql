{#- The rows of one raw table that its staging model keeps, for the staging model's `source` CTE:
    the raw rows audit_raw_row_fates marks `staged` (the latest synced version of every key,
    soft-deleted ones included, minus entry errors and quarantined rows), with `_is_deleted` and
    `_deleted_at`. Key, delete rule and row checks come from the sources YAML (`raw_table_meta`), the
    same contract the raw loader, the quarantine and the audit read, so staging never restates them.
    An identical re-delivered copy matches the same staged fate: `distinct` keeps one.

    Usage: with source as ( {{ live_source_rows('crm', 'accounts') }} ), renamed as (...) -#}
{% macro live_source_rows(source_name, table_name) %}
    {#- raw_relation() and ref() are always called, so dbt records the DAG edges at parse time. -#}
    {%- set raw_rows_relation = raw_relation(source_name, table_name) -%}
    {%- set fates_relation = ref('audit_raw_row_fates') -%}
    {%- set meta = raw_table_meta(source_name, table_name) -%}
    select distinct
        raw_rows.*,
        fates.is_deleted as _is_deleted,
        fates.deleted_at as _deleted_at
    from {{ raw_rows_relation }} as raw_rows
    inner join {{ fates_relation }} as fates
        on
            fates.source_name = {{ sql_string_literal(source_name) }}
            and fates.table_name = {{ sql_string_literal(table_name) }}
            and fates.row_key = {{ raw_key_text(meta.primary_key, prefix='raw_rows.') }}
            and fates.raw_loaded_at = raw_rows._loaded_at
    where fates.row_fate = 'staged'
{%- endmacro %}
