{#- Customer downgrade rate: start-of-period paying customers with a contraction in the period ÷ those customers. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', numerator='downgraded_customers', denominator='opening_customers') }}
