{#- Customer downgrade rate: start-of-period paying customers with a contraction in the period ÷ those customers. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='downgraded_customers', denominator='opening_customers') }}
