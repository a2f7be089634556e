{#- The last two CTEs of a KPI counted from events: `row_keys` gives the company total a row for
    every period of `periods` (so a period with no events reports a null value over a zero
    denominator rather than disappearing) and each breakdown value a row in the periods it
    occurs in; `final` divides `numerator` by `denominator` (columns of `aggregated`, keyed by
    period_grain, period_start, dimension, dimension_value), or publishes `value` (an expression
    over `aggregated`'s columns, such as a median or an amount, without numerator and
    denominator). Ends with `select * from final`. -#}
{% macro kpi_rows_for_every_period(aggregated, periods, numerator=none, denominator=none, value=none) -%}
row_keys as (

    {{ period_row_keys(aggregated, periods) }}

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        {%- if value is not none %}
            cast({{ value }} as decimal(38, 10)) as value,
            cast(null as decimal(38, 10)) as numerator,
            cast(null as decimal(38, 10)) as denominator
        {%- else %}
            {{ kpi_quotient(
                'coalesce(' ~ aggregated ~ '.' ~ numerator ~ ', 0)',
                'coalesce(' ~ aggregated ~ '.' ~ denominator ~ ', 0)'
            ) }}
        {%- endif %}

    from row_keys
    left join {{ aggregated }}
        on {{ kpi_row_join('row_keys', aggregated) }}

)

select * from final
{%- endmacro %}
