{#- ARR: month-end MRR × 12. -#}
{{ revenue_kpi(value='closing_mrr * 12') }}
