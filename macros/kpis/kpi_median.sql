{#- The median of `value_column` over the rows of `relation` where `condition` holds, per period
    and breakdown (period_grain, period_start, dimension, dimension_value), as `median_value`:
    the middle row of an odd count, the mean of the two middle rows of an even count (rank r is a
    middle one when 2r lies in [count, count + 2]). Written with window functions only, so it is
    the same on every engine (DuckDB's median(), PostgreSQL's percentile_cont and Spark's
    percentile differ in syntax). Ties rank in any order: tied rows have the same value. -#}
{% macro kpi_median(relation, value_column, condition='true') -%}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {{ round_to_scale('sum(cast(' ~ value_column ~ ' as decimal(38, 6))) / count(*)', 6) }} as median_value

    from (
        select
            period_grain,
            period_start,
            dimension,
            dimension_value,
            {{ value_column }},
            row_number() over (
                partition by period_grain, period_start, dimension, dimension_value
                order by {{ value_column }}
            ) as value_rank,
            count(*) over (partition by period_grain, period_start, dimension, dimension_value) as value_count
        from {{ relation }}
        where {{ condition }}
    ) as ranked_values
    where 2 * value_rank between value_count and value_count + 2
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value
{%- endmacro %}
