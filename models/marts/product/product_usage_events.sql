{#- Product usage events: tracked product events in the period (seed 004's messages sent or other
    usage indicators), by event name and the user's signup type and source. -#}
{{ kpi_from_measures('measures_product_events_aggregated', value='events') }}
