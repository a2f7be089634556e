{#- The body of a revenue retention KPI model: for each period, the customers paying in a cohort
    month (`cohort_month`, an expression over int_reporting_periods_listed columns), their
    `retained_column` (current_mrr, or current_mrr_capped for gross retention) in the period's last
    month over their MRR in the cohort month, both at the cohort month's exchange rates
    (measures_revenue_retention_cohorts_compared). A period without a cohort (the start of the data)
    keeps one company row with a null value and a zero denominator, so the period list is
    complete; breakdown rows exist only for values with cohort customers. -#}
{% macro cohort_retention_kpi(retained_column, cohort_month) -%}
with

cohorts as (

    select * from {{ ref('measures_revenue_retention_cohorts_compared') }}

),

periods as (

    select
        *,
        cast({{ cohort_month }} as date) as cohort_month_start_date
    from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

cohort_dimensions as (

    {{ unpivot_dimensions('cohorts', ['plan_tier', 'customer_segment', 'region', 'currency_code']) }}

),

comparison_totals as (

    select
        cohort_month_start_date,
        month_start_date,
        dimension,
        dimension_value,
        sum({{ retained_column }}) as retained_mrr,
        sum(cohort_mrr) as cohort_mrr

    from cohort_dimensions
    group by cohort_month_start_date, month_start_date, dimension, dimension_value

),

final as (

    select
        periods.period_grain,
        periods.period_start,
        coalesce(comparison_totals.dimension, 'all') as dimension,
        coalesce(comparison_totals.dimension_value, 'all') as dimension_value,
        {{ kpi_quotient('coalesce(comparison_totals.retained_mrr, 0)', 'coalesce(comparison_totals.cohort_mrr, 0)') }}

    from periods
    left join comparison_totals
        on
            periods.cohort_month_start_date = comparison_totals.cohort_month_start_date
            and periods.period_last_month_start = comparison_totals.month_start_date

)

select * from final
{%- endmacro %}
