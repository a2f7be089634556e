{#- Expansion revenue rate: expansion MRR ÷ opening MRR. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', numerator='expansion_mrr', denominator='opening_mrr') }}
