{#- Tickets resolved: tickets whose final solve falls in the period (a reopened ticket counts once, at its final solve). -#}
{{ kpi_from_measures('int_resolved_ticket_measures_aggregated', value='resolved_tickets') }}
