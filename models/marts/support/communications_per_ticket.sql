{#- Communications per ticket: public comments of both sides (agents and requesters) the tickets
    finally solved in the period had ÷ those tickets; the author_side breakdown splits the comments
    (measures_ticket_communications_aggregated). -#}
{{ kpi_from_measures('measures_ticket_communications_aggregated', numerator='public_comments', denominator='resolved_tickets') }}
