{#- Pipeline coverage: open pipeline at the period's start ÷ the quotas of the period, per rep, team,
    region and company. -#}
{{ kpi_from_measures('measures_pipeline_coverage_joined', numerator='opening_pipeline_amount', denominator='quota_amount', dimensions=['rep', 'team', 'region']) }}
