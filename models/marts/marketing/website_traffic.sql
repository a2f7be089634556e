{#- Website traffic (seed 003): website sessions started in the period, by channel
    (measures_web_sessions_aggregated). -#}
{{ kpi_from_measures('measures_web_sessions_aggregated', value='sessions', counted_by='sessions') }}
