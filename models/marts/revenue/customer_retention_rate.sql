{#- Customer retention rate: start-of-period paying customers still paying at its end ÷ those customers. -#}
{{ revenue_kpi(numerator='opening_customers - churned_customers', denominator='opening_customers') }}
