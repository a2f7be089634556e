{#- ARPA: month-end MRR ÷ paying customers at the period's end. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', numerator='closing_mrr', denominator='closing_customers') }}
