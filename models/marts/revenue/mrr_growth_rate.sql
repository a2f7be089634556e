{#- MRR growth rate: (closing MRR − opening MRR) ÷ opening MRR. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='closing_mrr - opening_mrr', denominator='opening_mrr') }}
