{#- The twelve-month revenue retention measures per period (month, quarter, year) and breakdown: the
    customers paying twelve months before the period's last month (the cohort month), their MRR in
    that last month (retained, and capped at their cohort MRR) and their MRR in the cohort month,
    both at the cohort month's exchange rates (measures_revenue_retention_cohorts_compared). Every
    period has a company row (zeros when it has no cohort: the first twelve months of data);
    breakdown rows exist only for values with cohort customers. The measures of
    net_revenue_retention and gross_revenue_retention. -#}

with

cohorts as (

    select * from {{ ref('measures_revenue_retention_cohorts_compared') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

cohorts_in_periods as (

    {#- A period's comparison: the cohort of twelve months before its last month (the as-of month
        in the current period), measured in that last month. Quarters and years are the value at
        their last month (end of period). -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        cohorts.*

    from cohorts
    inner join reporting_periods
        on
            cohorts.month_start_date = reporting_periods.period_last_month_start
            and cohorts.cohort_month_start_date
            = cast({{ dbt.dateadd('month', -12, 'reporting_periods.period_last_month_start') }} as date)

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
        sum(current_mrr) as retained_mrr_12m,
        sum(current_mrr_capped) as retained_mrr_capped_12m,
        sum(cohort_mrr) as cohort_mrr_12m

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
    ['retained_mrr_12m', 'retained_mrr_capped_12m', 'cohort_mrr_12m'],
    data_types={
        'retained_mrr_12m': 'decimal(38, 2)',
        'retained_mrr_capped_12m': 'decimal(38, 2)',
        'cohort_mrr_12m': 'decimal(38, 2)',
    },
) }}
