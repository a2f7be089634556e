{#- Customer engagement score: the average customer_engagement_score (0..100, higher is more engaged) of the customers
    paying in the period's last month. A quarter or year reports its last month (or the as-of month). -#}
{{ kpi_from_measures(
    'measures_customer_scores_aggregated',
    numerator='customer_engagement_score_total',
    denominator='engagement_scored_customers',
    counted_by='engagement_scored_customers'
) }}
