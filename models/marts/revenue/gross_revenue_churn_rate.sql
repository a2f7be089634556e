{#- Gross revenue churn rate: (churned + contraction MRR) ÷ opening MRR. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='churned_mrr + contraction_mrr', denominator='opening_mrr') }}
