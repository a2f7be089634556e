{#- The SQL type of the raw contract's `timestamptz` columns on this engine (a cross-database
    type macro beside dbt's own type_* macros), for models that must give a contract column its
    declared type. -#}
{% macro type_timestamptz() -%}
    {{ return(adapter.dispatch('type_timestamptz', 'revops')()) }}
{%- endmacro %}

{% macro default__type_timestamptz() -%}
    timestamptz
{%- endmacro %}

{% macro spark__type_timestamptz() -%}
    {#- Spark's timestamp is an instant (session-local display), the nearest to timestamptz. -#}
    timestamp
{%- endmacro %}
