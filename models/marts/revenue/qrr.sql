{#- QRR: quarter-end MRR × 3, reported for quarters only. -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', value='closing_mrr * 3', period_grains=['quarter']) }}
