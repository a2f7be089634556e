{#- Median first response time: the median hours from creation to first public agent reply of the
    replied tickets created in the period (recomputed at every grain). -#}
{{ kpi_from_measures('measures_ticket_durations_aggregated', value='first_response_hours_median') }}
