{#- Gross revenue churn rate: (churned + contraction MRR) ÷ opening MRR. -#}
{{ revenue_kpi(numerator='churned_mrr + contraction_mrr', denominator='opening_mrr') }}
