{#- Average first response time: hours from a ticket's creation to its first public agent reply,
    summed over the tickets created in the period that have a reply ÷ those tickets. Tickets without
    a reply are left out, not zeros. -#}
{{ kpi_from_measures(
    'measures_ticket_durations_aggregated',
    numerator='first_response_hours_total',
    denominator='responded_tickets'
) }}
