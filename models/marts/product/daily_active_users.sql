{#- Daily active users (DAU): product users with a tracked event, counted per day and averaged over
    the days of the period (to the as-of date), by signup type and source. -#}
{{ kpi_from_measures('measures_product_usage_aggregated', numerator='active_user_days', denominator='period_days') }}
