{#- At-risk MRR: the MRR (reporting currency) of the customers paying in the period's last month
    whose churn_risk_score that month is at least var churn_risk_threshold. A quarter or year
    reports its last month (or the as-of month); a period with paying customers but none at risk
    reports 0. -#}
{{ kpi_from_measures('measures_customer_scores_aggregated', value='at_risk_mrr') }}
