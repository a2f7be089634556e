{#- Customer downgrade rate: start-of-period paying customers with a contraction in the period ÷ those customers. -#}
{{ revenue_kpi(numerator='downgraded_customers', denominator='opening_customers') }}
