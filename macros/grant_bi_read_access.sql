{#- on-run-end: the BI role (var bi_reader_role; null: none) may read the marts schema and nothing
    else: USAGE on the schema and SELECT on its tables, granted again after every build because dbt
    recreates the tables. The role name is checked (letters, digits, underscores) and quoted as an
    identifier. Engines without roles (DuckDB: a BI tool opens the file read-only) do nothing. -#}
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
    {%- set role = adapter.quote(checked_string_var('bi_reader_role', '[a-z_][a-z0-9_]{0,62}', 'revops_reader')) -%}
    {%- set marts_schema = adapter.quote(generate_schema_name('marts', none)) -%}
    grant usage on schema {{ marts_schema }} to {{ role }};
    grant select on all tables in schema {{ marts_schema }} to {{ role }}
{% endmacro %}
