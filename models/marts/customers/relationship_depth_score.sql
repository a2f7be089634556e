{#- Relationship depth score: the average relationship_depth_score (0..100, higher is a wider and more senior
    relationship) of the customers with CRM contacts paying in the period's last month. A quarter or year reports
    its last month (or the as-of month). -#}
{{ kpi_from_measures(
    'measures_customer_scores_aggregated',
    numerator='relationship_depth_score_total',
    denominator='depth_scored_customers',
    counted_by='depth_scored_customers'
) }}
