{#- The rows a KPI reports: the company total (`dimension = 'all'`) in every period of `periods`,
    so a period with nothing in it still has a row (zero or null, never missing), and each
    breakdown value in the periods `aggregated` has it in. The body of a `row_keys` CTE. -#}
{% macro period_row_keys(aggregated, periods) -%}
    select
        period_grain,
        period_start,
        'all' as dimension,
        'all' as dimension_value
    from {{ periods }}

    union

    select
        period_grain,
        period_start,
        dimension,
        dimension_value
    from {{ aggregated }}
{%- endmacro %}
