{#- Tickets resolved: tickets whose final solve falls in the period (a reopened ticket counts once, at its final solve). -#}
{{ kpi_from_measures('measures_resolved_tickets_aggregated', value='resolved_tickets') }}
