{#- The MRR measures every revenue KPI is computed from, per period (month, quarter, year) and
    breakdown: opening and closing MRR and paying customers, the sums of each movement, the
    customers with an expansion in the period, and the start-of-period cohort's churned and
    downgraded customers. One place for the arithmetic; the
    KPI models only name and divide these columns. The company total has a row in every period of
    the calendar up to the as-of date, with zeros when nobody paid (period_row_keys); a breakdown
    value has rows in the periods it has customer-months in. -#}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

customer_month_dimensions as (

    {{ unpivot_dimensions('customer_months', ['plan_tier', 'customer_segment', 'region', 'currency_code', 'acquisition_channel']) }}

),

period_rows as (

    select
        customer_month_dimensions.*,
        periods.period_grain,
        periods.period_start,
        periods.period_last_month_start,
        customer_month_dimensions.month_start_date = periods.period_start as is_first_month,
        customer_month_dimensions.month_start_date = periods.period_last_month_start as is_last_month

    from customer_month_dimensions
    inner join periods
        on customer_month_dimensions.month_start_date between periods.period_start and periods.period_last_month_start

),

customer_periods as (

    {#- Per customer and period, whatever its breakdown value in each month: was it paying at
        the end, and did it contract during the period? -#}
    select
        customer_id,
        period_grain,
        period_start,
        max(case when is_last_month and is_paying then 1 else 0 end) as is_paying_at_end,
        max(case when contraction_mrr > 0 then 1 else 0 end) as has_contraction

    from period_rows
    where dimension = 'all'
    group by customer_id, period_grain, period_start

),

start_cohorts as (

    {#- The customers paying when the period starts (at the previous month-end), in the breakdown
        they had then. A quarter's churn is this cohort's churn, whatever happens in between. -#}
    select
        period_rows.period_grain,
        period_rows.period_start,
        period_rows.dimension,
        period_rows.dimension_value,
        count(*) as cohort_customers,
        sum(1 - customer_periods.is_paying_at_end) as cohort_churned_customers,
        sum(customer_periods.has_contraction) as cohort_downgraded_customers

    from period_rows
    inner join customer_periods
        on
            period_rows.customer_id = customer_periods.customer_id
            and period_rows.period_grain = customer_periods.period_grain
            and period_rows.period_start = customer_periods.period_start
    where period_rows.is_first_month and period_rows.was_paying
    group by period_rows.period_grain, period_rows.period_start, period_rows.dimension, period_rows.dimension_value

),

period_sums as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        cast(sum(case when is_first_month then previous_mrr else 0 end) as decimal(38, 2)) as opening_mrr,
        cast(sum(case when is_last_month then mrr else 0 end) as decimal(38, 2)) as closing_mrr,
        sum(case when is_last_month and is_paying then 1 else 0 end) as closing_customers,
        cast(sum(new_mrr) as decimal(38, 2)) as new_mrr,
        cast(sum(expansion_mrr) as decimal(38, 2)) as expansion_mrr,
        count(distinct case when expansion_mrr > 0 then customer_id end) as expanded_customers,
        cast(sum(contraction_mrr) as decimal(38, 2)) as contraction_mrr,
        cast(sum(churned_mrr) as decimal(38, 2)) as churned_mrr,
        cast(sum(reactivation_mrr) as decimal(38, 2)) as reactivation_mrr,
        cast(sum(fx_impact_mrr) as decimal(38, 2)) as fx_impact_mrr

    from period_rows
    group by period_grain, period_start, dimension, dimension_value

),

row_keys as (

    {{ period_row_keys('period_sums', 'periods') }}

),

period_measures as (

    {#- Every row key with its period's last month and its measures; a period in which nobody
        paid and nothing moved has zeros. -#}
    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        periods.period_last_month_start,
        cast(coalesce(period_sums.opening_mrr, 0) as decimal(38, 2)) as opening_mrr,
        cast(coalesce(period_sums.closing_mrr, 0) as decimal(38, 2)) as closing_mrr,
        coalesce(start_cohorts.cohort_customers, 0) as opening_customers,
        coalesce(period_sums.closing_customers, 0) as closing_customers,
        coalesce(start_cohorts.cohort_churned_customers, 0) as churned_customers,
        coalesce(start_cohorts.cohort_downgraded_customers, 0) as downgraded_customers,
        cast(coalesce(period_sums.new_mrr, 0) as decimal(38, 2)) as new_mrr,
        cast(coalesce(period_sums.expansion_mrr, 0) as decimal(38, 2)) as expansion_mrr,
        coalesce(period_sums.expanded_customers, 0) as expanded_customers,
        cast(coalesce(period_sums.contraction_mrr, 0) as decimal(38, 2)) as contraction_mrr,
        cast(coalesce(period_sums.churned_mrr, 0) as decimal(38, 2)) as churned_mrr,
        cast(coalesce(period_sums.reactivation_mrr, 0) as decimal(38, 2)) as reactivation_mrr,
        cast(coalesce(period_sums.fx_impact_mrr, 0) as decimal(38, 2)) as fx_impact_mrr

    from row_keys
    inner join periods
        on
            row_keys.period_grain = periods.period_grain
            and row_keys.period_start = periods.period_start
    left join period_sums
        on {{ kpi_row_join('row_keys', 'period_sums') }}
    left join start_cohorts
        on {{ kpi_row_join('row_keys', 'start_cohorts') }}

),

final as (

    select
        period_measures.period_grain,
        period_measures.period_start,
        period_measures.dimension,
        period_measures.dimension_value,
        period_measures.period_last_month_start,
        period_measures.opening_mrr,
        period_measures.closing_mrr,
        year_earlier.closing_mrr as closing_mrr_year_earlier,
        period_measures.opening_customers,
        period_measures.closing_customers,
        period_measures.churned_customers,
        period_measures.downgraded_customers,
        period_measures.new_mrr,
        period_measures.expansion_mrr,
        period_measures.expanded_customers,
        period_measures.contraction_mrr,
        period_measures.churned_mrr,
        period_measures.reactivation_mrr,
        period_measures.fx_impact_mrr

    from period_measures
    -- the same breakdown's month-end MRR twelve months before the period's last month (the
    -- company's is 0, not null, when nobody paid then; null before the calendar has that month)
    left join period_measures as year_earlier
        on
            year_earlier.period_grain = 'month'
            and year_earlier.period_start
            = cast({{ dbt.dateadd('month', -12, 'period_measures.period_last_month_start') }} as date)
            and period_measures.dimension = year_earlier.dimension
            and period_measures.dimension_value = year_earlier.dimension_value

)

select * from final
