{#- Expansion opportunity score: the average expansion_opportunity_score (0..100, higher is likelier to expand) of the
    customers paying in the period's last month. A quarter or year reports its last month (or the as-of month). -#}
{{ kpi_from_measures(
    'measures_customer_scores_aggregated',
    numerator='expansion_opportunity_score_total',
    denominator='expansion_scored_customers',
    counted_by='expansion_scored_customers'
) }}
