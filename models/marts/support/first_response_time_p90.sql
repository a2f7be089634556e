{#- 90th percentile first response time (linear interpolation) of the replied tickets created in the
    period (recomputed at every grain). -#}
{{ kpi_from_measures('measures_ticket_durations_aggregated', value='first_response_hours_p90') }}
