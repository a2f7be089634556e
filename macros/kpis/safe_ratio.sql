{#- A quotient as a decimal(38, 10), null when the denominator is zero or null ("undefined", not an
    error and not zero); the division is done in decimals on every engine (PostgreSQL would
    otherwise divide two counts as integers). -#}
{% macro safe_ratio(numerator, denominator) -%}
    cast(
        case
            when {{ denominator }} != 0
                then {{ round_to_scale('cast(' ~ numerator ~ ' as decimal(38, 12)) / (' ~ denominator ~ ')', 10) }}
        end as decimal(38, 10)
    )
{%- endmacro %}
