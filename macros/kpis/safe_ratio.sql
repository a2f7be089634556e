{#- A quotient as a decimal(38, 10), null when the denominator is zero or null ("undefined", not an
    error and not zero); the division is `divided` (double precision on every engine), rounded. -#}
{% macro safe_ratio(numerator, denominator) -%}
    cast(
        case
            when {{ denominator }} != 0
                then {{ round_to_scale(divided(numerator, denominator), 10) }}
        end as decimal(38, 10)
    )
{%- endmacro %}
