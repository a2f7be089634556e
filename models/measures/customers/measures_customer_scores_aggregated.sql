{#- The customer score measures the customer_health_score and churn_risk_score KPIs are computed
    from, per period (month, quarter, year) and breakdown (customer segment, plan tier, region):
    the summed scores of fct_customer_health_monthly and the number of customers scored, each score
    counted on its own, over the customers paying in the period's last month (a score is a state: a
    quarter or year reports its last month, the as-of month for the current period). Every period
    has a company row (zeros when nobody was scored); breakdown rows exist where customers were
    scored. The KPI models only name and divide these columns. -#}

with

customer_health as (

    select * from {{ ref('fct_customer_health_monthly') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

period_customers as (

    {#- The customer-months of each period's last month with a score; the two scores are null
        together (every available signal weighted 0), a customer without either is left out. -#}
    select
        periods.period_grain,
        periods.period_start,
        customer_health.customer_segment,
        customer_health.plan_tier,
        customer_health.region,
        customer_health.customer_health_score,
        customer_health.churn_risk_score

    from customer_health
    inner join periods
        on customer_health.month_start_date = periods.period_last_month_start
    where
        customer_health.customer_health_score is not null
        or customer_health.churn_risk_score is not null

),

customers_by_dimension as (

    {{ unpivot_dimensions('period_customers', ['customer_segment', 'plan_tier', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(customer_health_score) as customer_health_score_total,
        count(customer_health_score) as health_scored_customers,
        sum(churn_risk_score) as churn_risk_score_total,
        count(churn_risk_score) as churn_risk_scored_customers

    from customers_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    [
        'customer_health_score_total', 'health_scored_customers',
        'churn_risk_score_total', 'churn_risk_scored_customers',
    ],
    data_types={
        'customer_health_score_total': 'decimal(38, 2)',
        'churn_risk_score_total': 'decimal(38, 2)',
    },
) }}
