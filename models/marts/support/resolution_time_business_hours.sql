{#- Average resolution time in business hours: business hours from creation to final solve, summed
    over the tickets finally solved in the period and measured against the support schedule ÷ those
    tickets. -#}
{{ kpi_from_measures(
    'measures_ticket_durations_aggregated',
    numerator='resolution_business_hours_total',
    denominator='business_resolved_tickets'
) }}
