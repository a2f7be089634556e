{#- Net revenue churn rate: (churned + contraction − expansion − reactivation MRR) ÷ opening MRR. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', numerator='churned_mrr + contraction_mrr - expansion_mrr - reactivation_mrr', denominator='opening_mrr') }}
