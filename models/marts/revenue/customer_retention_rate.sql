{#- Customer retention rate: start-of-period paying customers still paying at its end ÷ those customers. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', numerator='opening_customers - churned_customers', denominator='opening_customers') }}
