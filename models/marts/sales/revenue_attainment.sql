{#- Revenue attainment: MRR at the period's end ÷ the MRR target for it (fct_kpi_targets); the
    company total in every period, null where no target is set. -#}

with

mrr as (

    select * from {{ ref('mrr') }}

),

kpi_targets as (

    {#- The MRR targets RevOps set (not the roll-ups: the fallback below is this KPI's own). -#}
    select
        period_grain,
        period_start as period_start_date,
        dimension,
        dimension_value,
        target_value
    from {{ ref('fct_kpi_targets') }}
    where kpi_id = 'mrr' and target_origin = 'set'

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

candidate_targets as (

    {#- A period's target is the target set for that grain and start; without one, MRR being a
        state, the target of the period's last month (the month whose month-end MRR the period
        reports: December's target for a year). -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        kpi_targets.dimension,
        kpi_targets.dimension_value,
        kpi_targets.target_value,
        1 as target_priority

    from reporting_periods
    inner join kpi_targets
        on
            reporting_periods.period_grain = kpi_targets.period_grain
            and reporting_periods.period_start = kpi_targets.period_start_date

    union all

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        kpi_targets.dimension,
        kpi_targets.dimension_value,
        kpi_targets.target_value,
        2 as target_priority

    from reporting_periods
    inner join kpi_targets
        on
            kpi_targets.period_grain = 'month'
            and reporting_periods.period_last_month_start = kpi_targets.period_start_date

),

ranked_targets as (

    select
        *,
        row_number() over (
            partition by period_grain, period_start, dimension, dimension_value
            order by target_priority
        ) as target_rank

    from candidate_targets

),

period_targets as (

    select * from ranked_targets
    where target_rank = 1

),

row_keys as (

    {#- The company total in every period, with a null value where no target is set; a breakdown
        value where a target is set for it. -#}
    {{ period_row_keys('period_targets', 'reporting_periods') }}

),

final as (

    {#- Targets name breakdown values normalised (lower case); a target without MRR in its
        breakdown compares 0 with it. -#}
    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        coalesce(mrr.dimension_value, row_keys.dimension_value) as dimension_value,
        {{ kpi_quotient('coalesce(mrr.value, 0)', 'period_targets.target_value') }}

    from row_keys
    left join period_targets
        on {{ kpi_row_join('row_keys', 'period_targets') }}
    left join mrr
        on
            row_keys.period_grain = mrr.period_grain
            and row_keys.period_start = mrr.period_start
            and row_keys.dimension = mrr.dimension
            and row_keys.dimension_value = lower(mrr.dimension_value)

)

select * from final
