{#- Churn risk score: the average churn_risk_score (0..100, higher is riskier) of the customers paying in the period's last month.
    A quarter or year reports its last month (or the as-of month). -#}
{{ kpi_from_measures(
    'measures_customer_scores_aggregated',
    numerator='churn_risk_score_total',
    denominator='churn_risk_scored_customers',
    counted_by='churn_risk_scored_customers'
) }}
