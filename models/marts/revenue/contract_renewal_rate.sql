{#- Contract renewal rate: renewed ÷ ended quarterly and annual contract terms per period and breakdown. -#}
{{ kpi_from_measures('measures_contract_renewals_aggregated', numerator='renewed_terms', denominator='ended_terms') }}
