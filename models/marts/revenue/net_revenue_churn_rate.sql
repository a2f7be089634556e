{#- Net revenue churn rate: (churned + contraction − expansion − reactivation MRR) ÷ opening MRR. -#}
{{ revenue_kpi(numerator='churned_mrr + contraction_mrr - expansion_mrr - reactivation_mrr', denominator='opening_mrr') }}
