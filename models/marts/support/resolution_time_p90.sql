{#- 90th percentile resolution time (linear interpolation) of the tickets finally solved in the
    period (recomputed at every grain). -#}
{{ kpi_from_measures('measures_ticket_durations_aggregated', value='resolution_hours_p90') }}
