{#- Win rate by amount: won amount ÷ closed (won + lost) amount in the period, reporting currency. -#}
{{ kpi_from_measures('measures_closed_opportunities_aggregated', numerator='won_amount', denominator='closed_amount') }}
