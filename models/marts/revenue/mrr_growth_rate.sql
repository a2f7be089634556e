{#- MRR growth rate: (closing MRR − opening MRR) ÷ opening MRR. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', numerator='closing_mrr - opening_mrr', denominator='opening_mrr') }}
