{#- Quota achievement rate: reps whose bookings reached their quota ÷ reps with a positive quota
    in the period, per team, region and company. -#}
{{ kpi_from_measures('measures_quotas_aggregated', numerator='attaining_reps', denominator='reps_with_quota', dimensions=['team', 'region']) }}
