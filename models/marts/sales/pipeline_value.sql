{#- Pipeline value: open pipeline amount (new business + expansion) at the period's end. -#}

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
        cast(closing_pipeline_amount as decimal(38, 10)) as value,
        cast(null as decimal(38, 10)) as numerator,
        cast(null as decimal(38, 10)) as denominator

    from pipeline_measures

)

select * from final
