{#- Replies per ticket: public agent replies the tickets finally solved in the period received ÷
    those tickets. -#}
{{ kpi_from_measures('measures_resolved_tickets_aggregated', numerator='public_agent_replies', denominator='resolved_tickets') }}
