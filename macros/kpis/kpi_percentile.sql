{#- The `fraction` percentile (0 to 1) of `value_column` over the rows of `relation` where
    `condition` holds, per period and breakdown (period_grain, period_start, dimension,
    dimension_value), as `percentile_value`: the engine's percentile_cont (macro percentile_cont),
    rounded to 6 decimals. -#}
{% macro kpi_percentile(relation, value_column, fraction, condition='true') -%}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {{ round_to_scale(percentile_cont(value_column, fraction), 6) }} as percentile_value

    from {{ relation }}
    where {{ condition }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value
{%- endmacro %}
