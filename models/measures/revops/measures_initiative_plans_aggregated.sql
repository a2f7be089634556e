{#- RevOps initiatives planned for each quarter (and the quarters of each year), with how many of
    them, and how much of their size weight, went live by the end of their planned quarter, from
    the decided plans of int_initiative_plans_decided. Breakdown: initiative_owner. Every quarter
    and year has a company row (zero when nothing was planned or decided). -#}

with

decided_initiatives as (

    select * from {{ ref('int_initiative_plans_decided') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['quarter', 'year']) }}

),

initiatives_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        decided_initiatives.*

    from decided_initiatives
    inner join reporting_periods
        on decided_initiatives.planned_quarter_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

initiatives_by_dimension as (

    {{ unpivot_dimensions('initiatives_in_periods', ['initiative_owner']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as planned_initiatives,
        sum(case when is_implemented_in_planned_quarter then 1 else 0 end) as implemented_initiatives,
        sum(size_weight) as planned_weight,
        sum(case when is_implemented_in_planned_quarter then size_weight else 0 end) as implemented_weight

    from initiatives_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['planned_initiatives', 'implemented_initiatives', 'planned_weight', 'implemented_weight'],
    {'planned_weight': 'decimal(38, 6)', 'implemented_weight': 'decimal(38, 6)'},
) }}
