{#- Average first response time in business hours: business hours from a ticket's creation to its
    first public agent reply, summed over the tickets created in the period that have a reply and
    were measured against the support schedule ÷ those tickets. -#}
{{ kpi_from_measures(
    'measures_ticket_durations_aggregated',
    numerator='first_response_business_hours_total',
    denominator='business_responded_tickets'
) }}
