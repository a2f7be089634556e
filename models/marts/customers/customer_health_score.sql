{#- Customer health score: the average customer_health_score (0..100, higher is healthier) of the customers paying in the period's last month.
    A quarter or year reports its last month (or the as-of month). -#}
{{ kpi_from_measures(
    'measures_customer_scores_aggregated',
    numerator='customer_health_score_total',
    denominator='health_scored_customers',
    counted_by='health_scored_customers'
) }}
