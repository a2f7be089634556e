{#- The quotient `numerator` / `denominator` in double precision, on every engine: the one division
    rule. DuckDB divides every number (decimals and integers alike) into a double; PostgreSQL would
    divide two integers as integers, and Spark divides decimals into a decimal whose scale it cuts
    to 6 digits beyond 38 digits of precision (and rounds a second time when cast), so the same KPI
    would differ in its last digits by engine. Callers round the double to a fixed scale
    (round_to_scale, safe_ratio). -#}
{% macro divided(numerator, denominator) -%}
    cast(({{ numerator }}) as {{ revops.type_double() }}) / ({{ denominator }})
{%- endmacro %}
