{#- ARR: month-end MRR × 12. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', value='closing_mrr * 12') }}
