{#- Expansion revenue rate: expansion MRR ÷ opening MRR. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='expansion_mrr', denominator='opening_mrr') }}
