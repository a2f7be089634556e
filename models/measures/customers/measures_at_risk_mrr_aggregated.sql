{#- At-risk MRR per period (month, quarter, year) and breakdown (customer segment, plan tier,
    region): the MRR (reporting currency) of the customers paying in the period's last month whose
    churn_risk_score that month is at least var churn_risk_threshold. A quarter or year takes its
    last month (or the as-of month); every period has a company row, 0 when no one is at risk.
    Read by at_risk_mrr. -#}

with

customer_health as (

    select * from {{ ref('fct_customer_health_monthly') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

period_customers as (

    select
        periods.period_grain,
        periods.period_start,
        customer_health.customer_segment,
        customer_health.plan_tier,
        customer_health.region,
        case
            when customer_health.churn_risk_score >= {{ checked_var('churn_risk_threshold', minimum=0, maximum=100, whole_number=false) }}
                then customer_health.mrr
            else 0
        end as at_risk_mrr
    from customer_health
    inner join periods
        on customer_health.month_start_date = periods.period_last_month_start

),

unpivoted as (

    {{ unpivot_dimensions('period_customers', ['customer_segment', 'plan_tier', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {{ round_to_scale('sum(at_risk_mrr)', 2) }} as at_risk_mrr
    from unpivoted
    group by period_grain, period_start, dimension, dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'periods', ['at_risk_mrr']) }}
