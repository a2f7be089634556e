{#- Every KPI target the scorecard compares with: the targets the RevOps team set (month and
    quarter), plus quarter and year targets rolled up from month targets where none was set and the
    KPI's aggregation says how (sum: the sum of all the period's month targets; end_of_period: the
    target of the period's last month). Ratios (recomputed) are never rolled up: a quarter's ratio
    target is not a function of the monthly ones. The aggregations come from the KPI models' meta
    (macro kpi_aggregations), not from the catalog mart: targets sit below the KPI layer, so the
    KPIs and the scorecard can read them (fct_kpi_targets). -#}

with

targets as (

    select * from {{ ref('stg_revops__kpi_targets') }}

),

kpi_aggregations as (

    {{ literal_rows([('kpi_id', dbt.type_string()), ('aggregation', dbt.type_string())], kpi_aggregations() | dictsort) }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['quarter', 'year']) }}

),

set_targets as (

    select
        kpi_id,
        period_grain,
        period_start_date as period_start,
        dimension,
        dimension_value,
        cast(target_value as decimal(38, 10)) as target_value,
        'set' as target_origin

    from targets

),

month_targets_in_periods as (

    select
        targets.kpi_id,
        reporting_periods.period_grain,
        reporting_periods.period_start,
        targets.dimension,
        targets.dimension_value,
        kpi_aggregations.aggregation,
        targets.target_value,
        targets.period_start_date = cast({{ dbt.date_trunc('month', 'reporting_periods.period_end_date') }} as date)
            as is_last_month,
        {{ dbt.datediff('reporting_periods.period_start', 'reporting_periods.period_end_date', 'month') }} + 1
            as months_in_period

    from targets
    inner join kpi_aggregations
        on targets.kpi_id = kpi_aggregations.kpi_id
    inner join reporting_periods
        on targets.period_start_date between reporting_periods.period_start and reporting_periods.period_end_date
    where
        targets.period_grain = 'month'
        and kpi_aggregations.aggregation in ('sum', 'end_of_period')

),

rolled_up_targets as (

    select
        kpi_id,
        period_grain,
        period_start,
        dimension,
        dimension_value,
        cast(
            case
                when max(aggregation) = 'sum' then sum(target_value)
                else max(case when is_last_month then target_value end)
            end as decimal(38, 10)
        ) as target_value,
        case
            when max(aggregation) = 'sum' then 'sum_of_month_targets'
            else 'last_month_target'
        end as target_origin

    from month_targets_in_periods
    group by
        kpi_id,
        period_grain,
        period_start,
        dimension,
        dimension_value
    having
        (max(aggregation) = 'sum' and count(*) = max(months_in_period))
        or (max(aggregation) = 'end_of_period' and max(case when is_last_month then 1 else 0 end) = 1)

),

final as (

    select * from set_targets

    union all

    select rolled_up_targets.*
    from rolled_up_targets
    left join set_targets
        on
            rolled_up_targets.kpi_id = set_targets.kpi_id
            and {{ kpi_row_join('rolled_up_targets', 'set_targets') }}
    where set_targets.kpi_id is null

)

select * from final
