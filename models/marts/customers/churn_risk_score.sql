{#- Churn risk score: the average churn_risk_score (0..100, higher is riskier) of the customers paying in the period's last month.
    A quarter or year reports its last month (or the as-of month). -#}
{{ customer_score_kpi('churn_risk_score') }}
