{#- ARPA: month-end MRR ÷ paying customers at the period's end. -#}
{{ revenue_kpi(numerator='closing_mrr', denominator='closing_customers') }}
