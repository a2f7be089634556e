{#- Quota attainment: bookings closed within the quotas' dates ÷ quota (reporting currency), per
    rep, team, region and company, over the quotas of the period. -#}
{{ kpi_from_measures('measures_quotas_aggregated', numerator='booked_amount', denominator='quota_amount', dimensions=['rep', 'team', 'region']) }}
