{#- Every target RevOps set for a period that has started must meet a scorecard row (the same KPI,
    grain, period and slice): a target with a misspelt dimension value or a grain the KPI does not
    have would otherwise be ignored silently. Returns the unmatched targets. -#}

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
