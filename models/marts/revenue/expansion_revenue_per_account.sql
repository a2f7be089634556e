{#- Average revenue per expansion account: expansion MRR of the period ÷ customers with an
    expansion in the period. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='expansion_mrr', denominator='expanded_customers', counted_by='expanded_customers') }}
