{#- Every KPI must have company rows at the grain of its review cadence (kpi_catalog.review_grain),
    or the weekly, bi-weekly, monthly or quarterly review would miss it. Returns the KPIs without. -#}

with

kpi_catalog as (

    select * from {{ ref('kpi_catalog') }}

),

review_rows as (

    select distinct kpi_id
    from {{ ref('kpi_scorecard') }}
    where is_review_grain and dimension = 'all'

)

select
    kpi_catalog.kpi_id,
    kpi_catalog.cadence
from kpi_catalog
left join review_rows
    on kpi_catalog.kpi_id = review_rows.kpi_id
where review_rows.kpi_id is null
