{#- CSAT: satisfied ratings ÷ ratings of the tickets finally solved in the period; unrated tickets are out. -#}
{{ kpi_from_measures('measures_resolved_tickets_aggregated', numerator='satisfied_tickets', denominator='rated_tickets') }}
