{#- The join condition of two relations at the KPI grain: the same period_grain, period_start,
    dimension and dimension_value. -#}
{% macro kpi_row_join(left, right) -%}
    {{ left }}.period_grain = {{ right }}.period_grain
    and {{ left }}.period_start = {{ right }}.period_start
    and {{ left }}.dimension = {{ right }}.dimension
    and {{ left }}.dimension_value = {{ right }}.dimension_value
{%- endmacro %}
