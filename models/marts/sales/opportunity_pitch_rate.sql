{#- Opportunity pitch rate (seed 001's "percentage of opportunities pitched"): opportunities created
    in the period that reached the pitch stage within the pitch window ÷ those whose window has
    ended, by the creation period. -#}
{{ kpi_from_measures('measures_created_opportunities_aggregated', numerator='pitched_opportunities', denominator='decided_opportunities') }}
