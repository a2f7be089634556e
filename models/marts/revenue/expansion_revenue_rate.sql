{#- Expansion revenue rate: expansion MRR ÷ opening MRR. -#}
{{ revenue_kpi(numerator='expansion_mrr', denominator='opening_mrr') }}
