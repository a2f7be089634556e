{#- Referral readiness score: the average referral_readiness_score (0..100, higher is likelier to refer) of the
    customers paying in the period's last month. A quarter or year reports its last month (or the as-of month). -#}
{{ kpi_from_measures(
    'measures_customer_scores_aggregated',
    numerator='referral_readiness_score_total',
    denominator='readiness_scored_customers',
    counted_by='readiness_scored_customers'
) }}
