{#- Reopen rate: tickets finally solved in the period that were reopened at least once ÷ tickets finally solved in the period. -#}
{{ kpi_from_measures('measures_resolved_tickets_aggregated', numerator='reopened_tickets', denominator='resolved_tickets') }}
