{#- The period grains a KPI reports at, from the calendar grains it names: with a fiscal year that
    does not start in January (var fiscal_year_start_month), 'quarter' also brings 'fiscal_quarter'
    and 'year' brings 'fiscal_year' (dim_date's fiscal calendar: a fiscal year is named after the
    calendar year it ends in). ISO weeks, bi-weeks and months stay as they are. With a January start
    a fiscal period is its calendar period, so no fiscal grain is added. -#}
{% macro reporting_grains(grains) %}
    {%- set fiscal_start_month = checked_var('fiscal_year_start_month', minimum=1, maximum=12) -%}
    {%- set expanded = [] -%}
    {%- for grain in grains -%}
        {%- do expanded.append(grain) -%}
        {%- if fiscal_start_month != 1 and grain in ('quarter', 'year') -%}
            {%- do expanded.append('fiscal_' ~ grain) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(expanded) }}
{% endmacro %}


{#- The SQL condition "period_grain is one of reporting_grains(grains)", for the filters on
    int_reporting_periods_listed. -#}
{% macro period_grain_in(grains, column='period_grain') -%}
    {{ column }} in ({% for grain in reporting_grains(grains) %}{{ sql_string_literal(grain) }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}
