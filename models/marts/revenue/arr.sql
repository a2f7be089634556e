{#- ARR: month-end MRR × 12. -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='closing_mrr * 12') }}
