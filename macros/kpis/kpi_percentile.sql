{#- The `fraction` percentile (0 to 1) of `value_column` over the rows of `relation` where
    `condition` holds, per period and breakdown (period_grain, period_start, dimension,
    dimension_value), as `percentile_value`, with linear interpolation between the two nearest
    ranks (percentile_cont semantics): of n values ranked 1..n, the percentile sits at rank
    h = 1 + fraction × (n − 1), and each rank r within 1 of h weighs 1 − |r − h| (rank floor(h)
    and rank floor(h) + 1 share the weight; an integer h takes its row alone). For 0.5 this is the
    median (the middle value, or the mean of the two middle values); 0.9 of 1..10 is 9.1. Written
    with window functions only, so it is the same on every engine (DuckDB's quantile_cont,
    PostgreSQL's percentile_cont and Spark's percentile differ in syntax). Ties rank in any order:
    tied rows have the same value. Rounded to 6 decimals. -#}
{% macro kpi_percentile(relation, value_column, fraction, condition='true') -%}
    {%- if fraction is not number or fraction < 0 or fraction > 1 -%}
        {{ exceptions.raise_compiler_error('kpi_percentile: fraction must be a number from 0 to 1, got ' ~ fraction) }}
    {%- endif %}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {{ round_to_scale(
            'sum(cast(' ~ value_column ~ ' as decimal(38, 6)) * (1 - abs(value_rank - percentile_rank)))', 6
        ) }} as percentile_value

    from (
        select
            period_grain,
            period_start,
            dimension,
            dimension_value,
            {{ value_column }},
            value_rank,
            1 + cast({{ fraction }} as decimal(18, 10)) * (value_count - 1) as percentile_rank
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
    ) as positioned_values
    where abs(value_rank - percentile_rank) < 1
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value
{%- endmacro %}
