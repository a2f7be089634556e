{#- Win rate: new-business deals won ÷ deals closed (won or lost) in the period, by count. -#}
{{ kpi_from_measures('measures_closed_opportunities_aggregated', numerator='won_deals', denominator='closed_deals') }}
