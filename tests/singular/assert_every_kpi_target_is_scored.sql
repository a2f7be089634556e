{#- Every target RevOps set for a period that has started must meet a scorecard row (the same KPI,
    grain, period and slice): a target with a misspelt dimension value or a grain the KPI does not
    have would otherwise be ignored silently. And every KPI with targets must be scored at its review
    grain (kpi_catalog.review_grain follows the targets' grain), or the report, which shows the
    review grain, would show it with no target. Returns the unmatched targets and the unscored KPIs. -#}

with

targets as (

    select * from {{ ref('fct_kpi_targets') }}
    where target_origin = 'set'

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}

),

scorecard as (

    select * from {{ ref('kpi_scorecard') }}

)

select
    targets.kpi_id,
    targets.period_grain,
    targets.period_start,
    targets.dimension,
    targets.dimension_value,
    'no KPI row for this target: check the grain, period and dimension value' as failure
from targets
inner join reporting_periods
    on
        targets.period_grain = reporting_periods.period_grain
        and targets.period_start = reporting_periods.period_start
left join scorecard
    on
        targets.kpi_id = scorecard.kpi_id
        and {{ kpi_row_join('targets', 'scorecard') }}
where scorecard.kpi_id is null
union all
select distinct
    targets.kpi_id,
    cast(null as {{ dbt.type_string() }}) as period_grain,
    cast(null as date) as period_start,
    cast(null as {{ dbt.type_string() }}) as dimension,
    cast(null as {{ dbt.type_string() }}) as dimension_value,
    'targets set, but none on a review-grain row of the scorecard' as failure
from targets
where targets.kpi_id not in (
    select scored.kpi_id from scorecard as scored
    where scored.is_review_grain and scored.target_value is not null
)
