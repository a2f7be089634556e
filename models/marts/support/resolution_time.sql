{#- Average resolution time (seed 001): total hours from creation to final solve of the tickets
    finally solved in the period ÷ those tickets. A reopened ticket counts once, at its final solve. -#}
{{ kpi_from_measures(
    'measures_ticket_durations_aggregated',
    numerator='resolution_hours_total',
    denominator='resolved_tickets'
) }}
