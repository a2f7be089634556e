{#- Paying customers: customers with positive billed MRR at the period's end. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', value='closing_customers') }}
