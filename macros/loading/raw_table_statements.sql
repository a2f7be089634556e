{#- The loader's table statements, which differ by engine: a temporary text table holding a raw
    file (Spark has temporary views, not temporary tables, and runs one statement at a time), its
    removal, and the drop of a raw table before its replacement (PostgreSQL must drop the staging
    views that read it, dbt build recreates them: cascade; Spark has no cascade). -#}
{% macro create_text_table(text_table, select_sql) -%}
    {{ return(adapter.dispatch('create_text_table', 'revops')(text_table, select_sql)) }}
{%- endmacro %}

{% macro default__create_text_table(text_table, select_sql) -%}
    drop table if exists {{ text_table }};
    create temporary table {{ text_table }} as {{ select_sql }}
{%- endmacro %}

{% macro duckdb__create_text_table(text_table, select_sql) -%}
    create or replace temporary table {{ text_table }} as {{ select_sql }}
{%- endmacro %}

{% macro spark__create_text_table(text_table, select_sql) -%}
    create or replace temporary view {{ text_table }} as {{ select_sql }}
{%- endmacro %}


{% macro drop_text_table(text_table) -%}
    {{ return(adapter.dispatch('drop_text_table', 'revops')(text_table)) }}
{%- endmacro %}

{% macro default__drop_text_table(text_table) -%}
    drop table {{ text_table }}
{%- endmacro %}

{% macro spark__drop_text_table(text_table) -%}
    drop view {{ text_table }}
{%- endmacro %}


{% macro drop_raw_table(relation) -%}
    {{ return(adapter.dispatch('drop_raw_table', 'revops')(relation)) }}
{%- endmacro %}

{% macro default__drop_raw_table(relation) -%}
    drop table if exists {{ relation }} cascade
{%- endmacro %}

{% macro spark__drop_raw_table(relation) -%}
    drop table if exists {{ relation }}
{%- endmacro %}
