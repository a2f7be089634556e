{#- The median of `value_column` over the rows of `relation` where `condition` holds, per period
    and breakdown (period_grain, period_start, dimension, dimension_value), as `median_value`:
    the middle row of an odd count, the mean of the two middle rows of an even count. The 0.5
    percentile of `kpi_percentile` (the engine's percentile_cont, rounded to 6 decimals). -#}
{% macro kpi_median(relation, value_column, condition='true') -%}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        percentile_value as median_value

    from (
        {{ kpi_percentile(relation, value_column, 0.5, condition) }}
    ) as median_percentiles
{%- endmacro %}
