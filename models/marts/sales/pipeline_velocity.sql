{#- Pipeline velocity: open new-business opportunities at the period's end × trailing win rate ×
    trailing average deal size ÷ trailing average sales cycle (days), weekly, bi-weekly and monthly. -#}
{{ kpi_from_measures('measures_pipeline_velocity_terms', numerator='expected_pipeline_revenue', denominator='average_sales_cycle_days', period_grains=['week', 'biweek', 'month']) }}
