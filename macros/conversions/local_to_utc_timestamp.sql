{#- The UTC timestamp (without time zone) of a local wall-clock timestamp in the IANA time zone that
    `time_zone` (a column or expression holding data, never a var) names; daylight saving time
    follows from the zone. The inverse of what to_reporting_date does to a UTC timestamp. -#}
{% macro local_to_utc_timestamp(local_timestamp, time_zone) -%}
    {{ return(adapter.dispatch('local_to_utc_timestamp', 'revops')(local_timestamp, time_zone)) }}
{%- endmacro %}

{% macro default__local_to_utc_timestamp(local_timestamp, time_zone) -%}
    cast((({{ local_timestamp }}) at time zone {{ time_zone }}) at time zone 'UTC' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- Spark: to_utc_timestamp reads the wall-clock time in the zone. -#}
{% macro spark__local_to_utc_timestamp(local_timestamp, time_zone) -%}
    to_utc_timestamp({{ local_timestamp }}, {{ time_zone }})
{%- endmacro %}
