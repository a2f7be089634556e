{#- Customer churn rate: start-of-period paying customers not paying at its end ÷ those customers. -#}
{{ revenue_kpi(numerator='churned_customers', denominator='opening_customers') }}
