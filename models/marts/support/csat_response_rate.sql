{#- CSAT response rate: rated tickets ÷ tickets finally solved in the period (every solved ticket is offered the survey). -#}
{{ kpi_from_measures('int_resolved_ticket_measures_aggregated', numerator='rated_tickets', denominator='resolved_tickets') }}
