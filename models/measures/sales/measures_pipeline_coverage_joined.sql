{#- Pipeline coverage measures per period (month, quarter, year) and breakdown (rep, team, region;
    company total `all`): the quotas of the period (measures_quotas_aggregated) beside the open
    pipeline the period opened with (measures_pipeline_aggregated: new business + expansion at the
    previous period's end). Rows are the quota rows: the company in every period, a breakdown value
    where a rep of it holds a quota; 0 pipeline where none was open. Read by pipeline_coverage. -#}

with

quotas as (

    select * from {{ ref('measures_quotas_aggregated') }}

),

pipeline as (

    select * from {{ ref('measures_pipeline_aggregated') }}

),

final as (

    select
        quotas.period_grain,
        quotas.period_start,
        quotas.dimension,
        quotas.dimension_value,
        cast(coalesce(pipeline.opening_pipeline_amount, 0) as decimal(38, 2)) as opening_pipeline_amount,
        quotas.quota_amount

    from quotas
    left join pipeline
        on {{ kpi_row_join('quotas', 'pipeline') }}

)

select * from final
