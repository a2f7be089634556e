{#- The number of rows one staging model has, for the raw-to-staging reconciliation: the staging
    model is counted itself, independently of audit_raw_row_fates, so a staging model that loses (or
    invents) rows any other way shows up as `unexplained_rows`. -#}
{% macro audit_staged_rows(source_name, table_name) %}
    {%- set staging_model = 'stg_' ~ source_name ~ '__' ~ table_name -%}
    select
        {{ sql_string_literal(source_name) }} as source_name,
        {{ sql_string_literal(table_name) }} as table_name,
        {{ sql_string_literal(staging_model) }} as staging_model,
        (select count(*) from {{ ref(staging_model) }}) as staged_rows
{% endmacro %}
