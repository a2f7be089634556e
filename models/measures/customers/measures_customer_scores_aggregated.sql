{#- The customer score measures the customer_health_score, churn_risk_score, at_risk_mrr,
    customer_engagement_score, expansion_opportunity_score, referral_readiness_score,
    referral_ready_account_rate and relationship_depth_score KPIs
    are computed from, per period (month, quarter, year) and breakdown (customer segment, plan
    tier, region), over the customers paying in the period's last month (a score is a state: a
    quarter or year reports its last month, the as-of month for the current period): the summed
    scores of fct_customer_health_monthly and the number of customers scored, each score counted on
    its own, and the MRR of the customers whose churn_risk_score is at least var
    churn_risk_threshold, and the number of customers whose referral_readiness_score is at least
    var referral_ready_threshold, and the expansion revenue potential: each customer's next-tier
    and seat whitespace weighted by its expansion_opportunity_score ÷ 100 (fct_customer_health_monthly;
    a customer without a score adds nothing). Every period has a company row (zeros when nobody pays); breakdown rows
    exist where customers pay (the score KPIs report those where customers were scored). The KPI
    models only name and divide these columns. -#}

with

customer_health as (

    select * from {{ ref('fct_customer_health_monthly') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

period_customers as (

    {#- The paying customer-months of each period's last month; a customer without a score (the
        two are null together) counts in neither score and is not at risk. -#}
    select
        periods.period_grain,
        periods.period_start,
        customer_health.customer_segment,
        customer_health.plan_tier,
        customer_health.region,
        customer_health.customer_health_score,
        customer_health.churn_risk_score,
        customer_health.customer_engagement_score,
        customer_health.expansion_opportunity_score,
        customer_health.referral_readiness_score,
        customer_health.relationship_depth_score,
        case
            when customer_health.referral_readiness_score >= {{ checked_var('referral_ready_threshold', minimum=0, maximum=100, whole_number=false) }}
                then 1
            else 0
        end as is_referral_ready,
        case
            when customer_health.churn_risk_score >= {{ checked_var('churn_risk_threshold', minimum=0, maximum=100, whole_number=false) }}
                then customer_health.mrr
            else 0
        end as at_risk_mrr,
        customer_health.tier_whitespace_mrr,
        customer_health.seat_whitespace_mrr,
        customer_health.expansion_potential_mrr

    from customer_health
    inner join periods
        on customer_health.month_start_date = periods.period_last_month_start

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
        count(churn_risk_score) as churn_risk_scored_customers,
        sum(customer_engagement_score) as customer_engagement_score_total,
        count(customer_engagement_score) as engagement_scored_customers,
        sum(expansion_opportunity_score) as expansion_opportunity_score_total,
        count(expansion_opportunity_score) as expansion_scored_customers,
        sum(referral_readiness_score) as referral_readiness_score_total,
        count(referral_readiness_score) as readiness_scored_customers,
        sum(is_referral_ready) as referral_ready_customers,
        sum(relationship_depth_score) as relationship_depth_score_total,
        count(relationship_depth_score) as depth_scored_customers,
        {{ round_to_scale('sum(at_risk_mrr)', 2) }} as at_risk_mrr,
        {{ round_to_scale('sum(tier_whitespace_mrr)', 2) }} as tier_whitespace_mrr,
        {{ round_to_scale('sum(seat_whitespace_mrr)', 2) }} as seat_whitespace_mrr,
        {{ round_to_scale('coalesce(sum(expansion_potential_mrr), 0)', 2) }} as expansion_potential_mrr

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
        'churn_risk_score_total', 'churn_risk_scored_customers', 'at_risk_mrr',
        'customer_engagement_score_total', 'engagement_scored_customers',
        'expansion_opportunity_score_total', 'expansion_scored_customers',
        'referral_readiness_score_total', 'readiness_scored_customers', 'referral_ready_customers',
        'relationship_depth_score_total', 'depth_scored_customers',
        'tier_whitespace_mrr', 'seat_whitespace_mrr', 'expansion_potential_mrr',
    ],
    data_types={
        'customer_health_score_total': 'decimal(38, 2)',
        'churn_risk_score_total': 'decimal(38, 2)',
        'at_risk_mrr': 'decimal(38, 2)',
        'customer_engagement_score_total': 'decimal(38, 2)',
        'expansion_opportunity_score_total': 'decimal(38, 2)',
        'referral_readiness_score_total': 'decimal(38, 2)',
        'relationship_depth_score_total': 'decimal(38, 2)',
        'tier_whitespace_mrr': 'decimal(38, 2)',
        'seat_whitespace_mrr': 'decimal(38, 2)',
        'expansion_potential_mrr': 'decimal(38, 2)',
    },
) }}
