{#- Customer churn rate: start-of-period paying customers not paying at its end ÷ those customers. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='churned_customers', denominator='opening_customers') }}
