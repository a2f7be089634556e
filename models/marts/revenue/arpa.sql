{#- ARPA: month-end MRR ÷ paying customers at the period's end. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='closing_mrr', denominator='closing_customers') }}
