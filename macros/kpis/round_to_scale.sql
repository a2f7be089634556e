{#- Rounds a computed amount to a fixed number of decimals as an exact decimal, on every engine.
    DuckDB returns a double from a decimal division; rounding it here (half away from zero) and
    casting back to a decimal keeps every later sum exact, so the MRR bridge adds up to the cent. -#}
{% macro round_to_scale(expression, scale) -%}
    cast(round(cast({{ expression }} as decimal(38, 12)), {{ scale }}) as decimal(38, {{ scale }}))
{%- endmacro %}
