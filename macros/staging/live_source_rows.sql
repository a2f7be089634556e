{#- The rows of one raw table that its staging model keeps, for the staging model's `source` CTE:
    the raw rows audit_raw_row_fates marks `staged` (the latest synced version of every key,
    soft-deleted ones included, minus entry errors and quarantined rows), with `_is_deleted` and
    `_deleted_at`. Key, delete rule and row checks come from the sources YAML (`raw_table_meta`), the
    same contract the raw loader, the quarantine and the audit read, so staging never restates them.
    An identical re-delivered copy matches the same staged fate: `distinct` keeps one.

    In an incremental staging model (materialized 'incremental', unique_key its key column), an
    incremental run selects only the staged versions the model does not hold yet: a key it lacks, or
    one whose held row has another `loaded_at` (a newer version) or `deleted_at`. No time window is
    needed: a late row of any age, and a child staged only now because its parent arrived late, both
    differ from what is held. delete+insert replaces those keys; remove_unstaged_rows (post-hook)
    deletes the held keys that are no longer staged.

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
    where
        fates.row_fate = 'staged'
        {%- if is_incremental() %}
            and not exists (
                select 1
                from {{ this }} as held
                where
                    cast(held.{{ config.require('unique_key') }} as {{ dbt.type_string() }}) = fates.row_key
                    and held.loaded_at = fates.loaded_at
                    {%- if meta.soft_delete_condition %}
                        and held.deleted_at is not distinct from fates.deleted_at
                    {%- endif %}
            )
        {%- endif %}
{%- endmacro %}


{#- Post-hook of an incremental staging model: deletes the rows whose key audit_raw_row_fates no
    longer stages (quarantined now that a parent is, or removed as an entry error), so the model
    equals a full rebuild. Nothing to do on a full build.

    Usage: config(materialized='incremental', unique_key='ticket_event_id',
                  post_hook="{{ remove_unstaged_rows('support', 'ticket_events') }}") -#}
{% macro remove_unstaged_rows(source_name, table_name) %}
    {%- if is_incremental() %}
        delete from {{ this }}
        where cast({{ config.require('unique_key') }} as {{ dbt.type_string() }}) not in (
            select fates.row_key
            from {{ ref('audit_raw_row_fates') }} as fates
            where
                fates.source_name = {{ sql_string_literal(source_name) }}
                and fates.table_name = {{ sql_string_literal(table_name) }}
                and fates.row_fate = 'staged'
        )
    {%- endif %}
{%- endmacro %}


{#- The materialization of an incremental staging model: incremental where the engine's tables take
    delete+insert (DuckDB, PostgreSQL); a table, rebuilt in full on every run, on Spark, whose
    Parquet tables have neither delete nor merge (a Delta Lake deployment could use merge). -#}
{% macro incremental_staging_materialization() %}
    {{ return(adapter.dispatch('incremental_staging_materialization', 'revops')()) }}
{% endmacro %}

{% macro default__incremental_staging_materialization() %}
    {{ return('incremental') }}
{% endmacro %}

{% macro spark__incremental_staging_materialization() %}
    {{ return('table') }}
{% endmacro %}
