{#- Time to expansion signal: median days from a new customer's first paying month to the first
    day its product user base grows past the users it started paying with, over the period's
    decided new customers whose signal came within var expansion_signal_window_days. -#}
{{ kpi_from_measures('measures_expansion_signals_aggregated', value='days_to_expansion_signal_median', counted_by='signalled_customers') }}
