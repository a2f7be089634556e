{#- Expansion revenue share: expansion MRR of the period ÷ MRR at the period's last month-end. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='expansion_mrr', denominator='closing_mrr') }}
