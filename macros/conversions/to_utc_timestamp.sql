{#- Turns a timestamp with time zone (raw exports carry offsets) into a UTC timestamp without
    time zone, the form every `_at` column in this project has. -#}
{% macro to_utc_timestamp(column) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'revops')(column)) }}
{%- endmacro %}

{% macro default__to_utc_timestamp(column) -%}
    cast({{ column }} at time zone 'UTC' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- Spark's timestamp is an instant shown in the session time zone, which the profile sets to UTC. -#}
{% macro spark__to_utc_timestamp(column) -%}
    cast({{ column }} as {{ dbt.type_timestamp() }})
{%- endmacro %}
