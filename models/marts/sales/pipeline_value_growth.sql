{#- Pipeline value growth: (pipeline value at the period's end − at the previous period's end)
    ÷ pipeline value at the previous period's end. -#}

with

pipeline_measures as (

    select * from {{ ref('int_pipeline_measures_aggregated') }}

),

final as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {{ kpi_quotient('closing_pipeline_amount - opening_pipeline_amount', 'opening_pipeline_amount') }}

    from pipeline_measures

)

select * from final
