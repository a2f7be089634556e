{#- The KPI targets at every reviewed grain, as BI and the scorecard read them: the targets RevOps
    set and those rolled up from month targets (the rule: int_kpi_targets_rolled_up). -#}

with

targets as (

    select * from {{ ref('int_kpi_targets_rolled_up') }}

),

final as (

    select
        kpi_id,
        period_grain,
        period_start,
        dimension,
        dimension_value,
        target_value,
        target_origin

    from targets

)

select * from final
