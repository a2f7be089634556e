{#- Tickets created: tickets opened in the period (creation date), by channel, priority, team,
    segment and plan tier. -#}
{{ kpi_from_measures('measures_created_tickets_aggregated', value='created_tickets') }}
