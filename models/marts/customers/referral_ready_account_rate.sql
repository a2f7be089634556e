{#- Referral-ready account rate: the share of the customers paying and scored in the period's last month whose
    referral_readiness_score is at least var referral_ready_threshold. -#}
{{ kpi_from_measures(
    'measures_customer_scores_aggregated',
    numerator='referral_ready_customers',
    denominator='readiness_scored_customers',
    counted_by='readiness_scored_customers'
) }}
