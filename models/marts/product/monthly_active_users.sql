{#- Monthly active users (MAU): distinct product users with a tracked event in the month, by signup
    type and source. -#}
{{ kpi_from_measures('measures_product_usage_aggregated', value='active_users', period_grains=['month']) }}
