{#- The live rows of one raw table, for the `source` CTE of its staging model: the latest synced
    version of every key (`latest_version` on the table's `meta.primary_key`), minus the keys whose
    latest version is soft-deleted (`meta.soft_delete_condition`; a null condition counts as not
    deleted). Key and delete rule come from the sources YAML (`raw_table_meta`), the same contract
    the raw loader and `audit_staged_rows` read, so staging never restates them.

    Usage: with source as ( {{ live_source_rows('crm', 'accounts') }} ), renamed as (...) -#}
{% macro live_source_rows(source_name, table_name) %}
    {#- source() is always called, so dbt records the DAG edge at parse time. -#}
    {%- set raw_relation = source(source_name, table_name) -%}
    {%- set meta = raw_table_meta(source_name, table_name) -%}
    select * from ({{ latest_version(raw_relation, meta.primary_key) }}) as latest_rows
    {%- if meta.soft_delete_condition %}
    where not coalesce({{ meta.soft_delete_condition }}, false)
    {%- endif %}
{%- endmacro %}
