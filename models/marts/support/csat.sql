{#- CSAT: satisfied ratings ÷ ratings of the tickets finally solved in the period; unrated tickets are out. -#}
{{ kpi_from_measures('int_resolved_ticket_measures_aggregated', numerator='satisfied_tickets', denominator='rated_tickets') }}
