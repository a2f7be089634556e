{#- One row of the raw-to-staging reconciliation for one raw table: how many raw rows there are,
    how many staging removed and why, and how many it kept. The removal counts are recomputed here
    from the raw table and the source's `meta` (primary_key, soft_delete_condition), independently
    of the staging model's SQL, so a staging model that loses rows any other way shows up as
    `unexplained_rows`. -#}
{% macro audit_staged_rows(source_name, table_name) %}
    {%- set raw_relation = source(source_name, table_name) -%}
    {%- set staging_model = 'stg_' ~ source_name ~ '__' ~ table_name -%}
    {%- set meta = raw_table_meta(source_name, table_name) -%}
    {%- set key_columns = meta.primary_key | join(', ') -%}
    select
        '{{ source_name }}' as source_name,
        '{{ table_name }}' as table_name,
        '{{ staging_model }}' as staging_model,
        (select count(*) from {{ raw_relation }}) as raw_rows,
        (select count(*) from {{ raw_relation }})
        - (select count(*) from (select distinct {{ key_columns }} from {{ raw_relation }}) as distinct_keys)
        as superseded_rows,
        {%- if meta.soft_delete_condition %}
            (
                select count(*)
                from ({{ latest_version(raw_relation, meta.primary_key) }}) as latest
                where coalesce({{ meta.soft_delete_condition }}, false)
            )
        {%- else %}
            0
        {%- endif %} as soft_deleted_rows,
        (select count(*) from {{ ref(staging_model) }}) as staged_rows
{% endmacro %}
