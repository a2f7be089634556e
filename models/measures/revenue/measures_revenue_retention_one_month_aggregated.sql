{#- The one-month revenue retention measures per period (month, quarter, year) and breakdown: the
    customers paying in the month before the period starts (the cohort month), their MRR in the
    period's last month and their MRR in the cohort month, both at the cohort month's exchange rates
    (measures_revenue_retention_cohorts_compared). A quarter or year is recomputed over the whole
    period (the payers before it starts, in its last month), never built from its months. Every
    period has a company row (zeros when nobody paid in the month before it); breakdown rows exist
    only for values with cohort customers. The measures of net_revenue_retention_monthly. -#}

with

cohorts as (

    select * from {{ ref('measures_revenue_retention_cohorts_compared') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

cohorts_in_periods as (

    {#- A period's comparison: the cohort of the month before the period starts, measured in the
        period's last month (the as-of month in the current period). -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        cohorts.*

    from cohorts
    inner join reporting_periods
        on
            cohorts.month_start_date = reporting_periods.period_last_month_start
            and cohorts.cohort_month_start_date
            = cast({{ dbt.dateadd('month', -1, 'reporting_periods.period_start') }} as date)

),

cohorts_by_dimension as (

    {{ unpivot_dimensions('cohorts_in_periods', ['plan_tier', 'customer_segment', 'region', 'currency_code']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(current_mrr) as retained_mrr_1m,
        sum(cohort_mrr) as cohort_mrr_1m

    from cohorts_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['retained_mrr_1m', 'cohort_mrr_1m'],
    data_types={'retained_mrr_1m': 'decimal(38, 2)', 'cohort_mrr_1m': 'decimal(38, 2)'},
) }}
