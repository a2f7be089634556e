{#- QRR: quarter-end MRR × 3, reported for quarters only. -#}
{{ revenue_kpi(value='closing_mrr * 3', period_grains=['quarter']) }}
