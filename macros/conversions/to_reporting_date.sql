{#- The calendar date a UTC timestamp falls on in the reporting timezone
    (var('reporting_timezone'), default UTC): this decides the day, week and month every KPI
    assigns an event to. -#}
{% macro to_reporting_date(utc_timestamp) -%}
    {{ return(adapter.dispatch('to_reporting_date', 'revops')(utc_timestamp)) }}
{%- endmacro %}

{% macro default__to_reporting_date(utc_timestamp) -%}
    cast(({{ utc_timestamp }} at time zone 'UTC') at time zone {{ sql_string_literal(checked_string_var('reporting_timezone', '[A-Za-z][A-Za-z0-9_+/-]{0,63}', 'America/New_York')) }} as date)
{%- endmacro %}

{#- Spark: from_utc_timestamp gives the wall-clock time in the zone. -#}
{% macro spark__to_reporting_date(utc_timestamp) -%}
    to_date(from_utc_timestamp({{ utc_timestamp }}, {{ sql_string_literal(checked_string_var('reporting_timezone', '[A-Za-z][A-Za-z0-9_+/-]{0,63}', 'America/New_York')) }}))
{%- endmacro %}
