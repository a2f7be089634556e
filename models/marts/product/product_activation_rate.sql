{#- Product activation rate: signups of the period that performed a key value action within var
    time_to_value_window_days ÷ signups whose window has ended. -#}
{{ kpi_from_measures('measures_product_signups_aggregated', numerator='value_reached_signups', denominator='value_decided_signups', counted_by='value_decided_signups') }}
