{#- Sales productivity: bookings ÷ quota-carrying reps active in the period, company, team and
    region. -#}
{{ kpi_from_measures('measures_rep_productivity_aggregated', numerator='booked_amount', denominator='active_reps') }}
