{#- Days from referral to close: the days from each referral to its won opportunity's close date, averaged over the
    referrals won in the period. -#}
{{ kpi_from_measures('measures_referrals_aggregated', numerator='days_to_close_total', denominator='won_referrals') }}
