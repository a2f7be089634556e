{#- Gross revenue churn rate: (churned + contraction MRR) ÷ opening MRR. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', numerator='churned_mrr + contraction_mrr', denominator='opening_mrr') }}
