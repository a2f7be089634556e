{#- Stickiness: daily active users ÷ monthly active users, the share of the month's users active
    on an average day. -#}
{{ kpi_from_measures('measures_product_usage_aggregated', numerator='active_user_days', denominator='period_days * active_users', period_grains=['month']) }}
