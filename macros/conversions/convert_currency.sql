{#- An amount converted with a rate (reporting-currency units per unit of the amount's currency),
    exactly: the amount is widened to decimal(38, 10) first, because multiplying two narrow
    decimals overflows on DuckDB at scale (decimal(18, 4) × decimal(18, 8) is computed in 64 bits).
    Callers round the result where the KPI needs cents. -#}
{% macro convert_currency(amount, rate) -%}
    cast({{ amount }} as decimal(38, 10)) * {{ rate }}
{%- endmacro %}
