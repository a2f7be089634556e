{#- The value, numerator and denominator columns of a KPI that is a quotient (value: safe_ratio). -#}
{% macro kpi_quotient(numerator, denominator) -%}
    {{ safe_ratio(numerator, denominator) }} as value,
    cast({{ numerator }} as decimal(38, 10)) as numerator,
    cast({{ denominator }} as decimal(38, 10)) as denominator
{%- endmacro %}
