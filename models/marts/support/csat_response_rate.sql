{#- CSAT response rate: rated tickets ÷ tickets finally solved in the period (every solved ticket is offered the survey). -#}
{{ kpi_from_measures('measures_resolved_tickets_aggregated', numerator='rated_tickets', denominator='resolved_tickets') }}
