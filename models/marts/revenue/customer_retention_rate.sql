{#- Customer retention rate: start-of-period paying customers still paying at its end ÷ those customers. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='opening_customers - churned_customers', denominator='opening_customers') }}
