{#- Time to first value: median days from signing up to the first key value action, over the
    period's signups that reached one within var time_to_value_window_days (once decided). -#}
{{ kpi_from_measures('measures_product_signups_aggregated', value='days_to_first_value_median', counted_by='value_reached_signups') }}
