{#- The body of a KPI model over a measures model (one row per period and breakdown, a company row
    in every period), in the KPI columns every KPI model shares. Pass `value` for a KPI that is a
    measure or a statistic (an amount, a count, a median), or `numerator` and `denominator` for a
    quotient; each is an expression over the measure columns. With `value` and `numerator` and
    `denominator` together, the value is published as it is and the two are carried beside it (a
    score the measures compute, such as NPS). `period_grains` limits the periods reported (QRR is
    quarterly only), `dimensions` the breakdowns (the company total always), and `counted_by` (a
    count column) the breakdown rows: only those where the KPI's own events occurred (count > 0),
    for a measures model shared by KPIs that count different events. -#}
{% macro kpi_from_measures(measures, value=none, numerator=none, denominator=none, period_grains=['month', 'quarter', 'year'], dimensions=none, counted_by=none) -%}
with

measures as (

    select * from {{ ref(measures) }}
    where
        {{ period_grain_in(period_grains) }}
        {%- if dimensions is not none %}
            and dimension in ({{ sql_string_literal('all') }}{% for dimension in dimensions %}, {{ sql_string_literal(dimension) }}{% endfor %})
        {%- endif %}
        {%- if counted_by is not none %}
            and (dimension = {{ sql_string_literal('all') }} or {{ counted_by }} > 0)
        {%- endif %}

),

final as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {%- if value is not none %}
            cast({{ value }} as decimal(38, 10)) as value,
            cast({{ numerator if numerator is not none else 'null' }} as decimal(38, 10)) as numerator,
            cast({{ denominator if denominator is not none else 'null' }} as decimal(38, 10)) as denominator
        {%- else %}
            {{ kpi_quotient(numerator, denominator) }}
        {%- endif %}

    from measures

)

select * from final
{%- endmacro %}
