{#- MRR growth rate: (closing MRR − opening MRR) ÷ opening MRR. -#}
{{ revenue_kpi(numerator='closing_mrr - opening_mrr', denominator='opening_mrr') }}
