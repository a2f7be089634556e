{#- QRR: quarter-end MRR × 3, reported for quarters only. -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='closing_mrr * 3', period_grains=['quarter']) }}
