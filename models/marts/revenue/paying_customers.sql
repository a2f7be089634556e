{#- Paying customers: customers with positive billed MRR at the period's end. -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='closing_customers') }}
