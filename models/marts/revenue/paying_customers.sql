{#- Paying customers: customers with positive billed MRR at the period's end. -#}
{{ revenue_kpi(value='closing_customers') }}
