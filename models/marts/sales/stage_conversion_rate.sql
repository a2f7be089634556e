{#- Stage conversion rate: advanced ÷ decided stage entries per period, stage and breakdown. -#}
{{ kpi_from_measures('measures_stage_conversions_aggregated', numerator='advanced_entries', denominator='decided_entries') }}
