{#- The calendar date a UTC timestamp falls on in the reporting timezone
    (var('reporting_timezone'), default UTC): this decides the day, week and month every KPI
    assigns an event to. -#}
{% macro to_reporting_date(utc_timestamp) -%}
    {{ return(adapter.dispatch('to_reporting_date', 'revops')(utc_timestamp)) }}
{%- endmacro %}

{% macro default__to_reporting_date(utc_timestamp) -%}
    cast(({{ utc_timestamp }} at time zone 'UTC') at time zone '{{ var("reporting_timezone") }}' as date)
{%- endmacro %}
