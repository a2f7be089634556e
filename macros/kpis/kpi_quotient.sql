{#- The value, numerator and denominator columns of a KPI that is a quotient. The value is null
    when the denominator is zero or null (no customers at the start of a period is "undefined",
    not an error and not zero); the division is done in decimals on every engine (PostgreSQL would
    otherwise divide two counts as integers). -#}
{% macro kpi_quotient(numerator, denominator) -%}
    cast(
        case
            when {{ denominator }} != 0
                then {{ round_to_scale('cast(' ~ numerator ~ ' as decimal(38, 12)) / ' ~ denominator, 10) }}
        end as decimal(38, 10)
    ) as value,
    cast({{ numerator }} as decimal(38, 10)) as numerator,
    cast({{ denominator }} as decimal(38, 10)) as denominator
{%- endmacro %}
