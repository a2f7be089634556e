{#- Net revenue churn rate: (churned + contraction − expansion − reactivation MRR) ÷ opening MRR. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='churned_mrr + contraction_mrr - expansion_mrr - reactivation_mrr', denominator='opening_mrr') }}
