{#- The body of a customer score KPI model: the average `score_column` of
    fct_customer_health_monthly (customer_health_score or churn_risk_score) over the customers
    paying in the period's last month, by customer segment, plan tier and region; quarters and
    years report their last month, a score being a state. -#}
{% macro customer_score_kpi(score_column) -%}
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
        customer_health.{{ score_column }}
    from customer_health
    inner join periods
        on customer_health.month_start_date = periods.period_last_month_start
    where customer_health.{{ score_column }} is not null

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
        sum({{ score_column }}) as score_total,
        count(*) as scored_customers
    from unpivoted
    group by period_grain, period_start, dimension, dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'periods', numerator='score_total', denominator='scored_customers') }}
{%- endmacro %}
