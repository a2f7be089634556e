{#- Downgrade to churn conversion rate (seed 003): decided downgrades of the period followed by a
    churn within var downgrade_churn_window_months ÷ decided downgrades. -#}
{{ kpi_from_measures('measures_downgrades_aggregated', numerator='churned_downgrades', denominator='decided_downgrades', counted_by='decided_downgrades') }}
