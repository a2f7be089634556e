{#- The revenue retention measures per period (month, quarter, year) and breakdown, for two
    comparisons of a cohort's MRR at the cohort month's exchange rates
    (measures_revenue_retention_cohorts_compared): twelve months (the customers paying twelve months
    before the period's last month, measured in that last month: retained, capped at their cohort
    MRR, and their cohort MRR) and one month (the customers paying in the month before the period
    starts, measured in its last month), each with its cohort's customer count. Every period has a
    company row (zeros when it has no cohort); a breakdown value has a row where either cohort has
    customers, and each KPI reports the rows of its own cohort. The measures of
    net_revenue_retention, gross_revenue_retention and net_revenue_retention_monthly. -#}

with

cohorts as (

    select * from {{ ref('measures_revenue_retention_cohorts_compared') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

cohorts_in_periods as (

    {#- A period's two comparisons, both measured in its last month (the as-of month in the current
        period): the cohort of twelve months before that month (so quarters and years take the value
        at their last month), and the cohort of the month before the period starts (so a quarter or
        year is recomputed over the whole period). For a whole year the two are the same cohort. -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        cohorts.*,
        case
            when
                cohorts.cohort_month_start_date
                = cast({{ dbt.dateadd('month', -12, 'reporting_periods.period_last_month_start') }} as date)
                then 1
            else 0
        end as is_twelve_month_cohort,
        case
            when
                cohorts.cohort_month_start_date
                = cast({{ dbt.dateadd('month', -1, 'reporting_periods.period_start') }} as date)
                then 1
            else 0
        end as is_one_month_cohort

    from cohorts
    inner join reporting_periods
        on
            cohorts.month_start_date = reporting_periods.period_last_month_start
            and cohorts.cohort_month_start_date in (
                cast({{ dbt.dateadd('month', -12, 'reporting_periods.period_last_month_start') }} as date),
                cast({{ dbt.dateadd('month', -1, 'reporting_periods.period_start') }} as date)
            )

),

cohorts_by_dimension as (

    {{ unpivot_dimensions('cohorts_in_periods', ['plan_tier', 'customer_segment', 'region', 'currency_code', 'acquisition_channel']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(is_twelve_month_cohort) as cohort_customers_12m,
        sum(case when is_twelve_month_cohort = 1 then current_mrr end) as retained_mrr_12m,
        sum(case when is_twelve_month_cohort = 1 then current_mrr_capped end) as retained_mrr_capped_12m,
        sum(case when is_twelve_month_cohort = 1 then cohort_mrr end) as cohort_mrr_12m,
        sum(is_one_month_cohort) as cohort_customers_1m,
        sum(case when is_one_month_cohort = 1 then current_mrr end) as retained_mrr_1m,
        sum(case when is_one_month_cohort = 1 then cohort_mrr end) as cohort_mrr_1m

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
    [
        'cohort_customers_12m', 'retained_mrr_12m', 'retained_mrr_capped_12m', 'cohort_mrr_12m',
        'cohort_customers_1m', 'retained_mrr_1m', 'cohort_mrr_1m',
    ],
    data_types={
        'retained_mrr_12m': 'decimal(38, 2)',
        'retained_mrr_capped_12m': 'decimal(38, 2)',
        'cohort_mrr_12m': 'decimal(38, 2)',
        'retained_mrr_1m': 'decimal(38, 2)',
        'cohort_mrr_1m': 'decimal(38, 2)',
    },
) }}
