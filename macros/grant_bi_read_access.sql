{#- on-run-end: the BI role (var bi_reader_role; null: none) may use the marts schema. Its SELECT
    on each mart is dbt's grants config (dbt_project.yml, applied as each table is built); a schema
    is not a model, so USAGE on it is granted here, after every build or run. The role name is
    checked by the on-run-start hook (check_name_vars) and quoted as an identifier. Engines without
    roles (DuckDB: a BI tool opens the file read-only) do nothing. -#}
{% macro grant_bi_read_access() %}
    {{ return(adapter.dispatch('grant_bi_read_access', 'revops')()) }}
{% endmacro %}

{% macro default__grant_bi_read_access() %}
    {{ return('') }}
{% endmacro %}

{% macro postgres__grant_bi_read_access() %}
    {%- if not execute or var('bi_reader_role') is none or flags.WHICH not in ('build', 'run') -%}
        {{ return('') }}
    {%- endif -%}
    grant usage on schema {{ adapter.quote(generate_schema_name('marts', none)) }}
    to {{ adapter.quote(var('bi_reader_role')) }}
{% endmacro %}
