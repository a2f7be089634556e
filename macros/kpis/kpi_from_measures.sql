{#- The body of a KPI model over a measures model (measures_revenue_aggregated,
    measures_pipeline_aggregated: one row per period and breakdown), in the KPI columns every
    KPI model shares. Pass `value` for a KPI that is a measure (an amount or a count), or
    `numerator` and `denominator` for a quotient; each is an expression over the measure columns.
    `period_grains` limits the periods reported (QRR is quarterly only). -#}
{% macro kpi_from_measures(measures, value=none, numerator=none, denominator=none, period_grains=['month', 'quarter', 'year']) -%}
with

measures as (

    select * from {{ ref(measures) }}
    where {{ period_grain_in(period_grains) }}

),

final as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {%- if value is not none %}
            cast({{ value }} as decimal(38, 10)) as value,
            cast(null as decimal(38, 10)) as numerator,
            cast(null as decimal(38, 10)) as denominator
        {%- else %}
            {{ kpi_quotient(numerator, denominator) }}
        {%- endif %}

    from measures

)

select * from final
{%- endmacro %}
