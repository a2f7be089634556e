{#- Average deal size: won amount (reporting currency) ÷ won deals with an amount, by close period. -#}
{{ kpi_from_measures('measures_closed_opportunities_aggregated', numerator='won_amount', denominator='won_deals_with_amount') }}
