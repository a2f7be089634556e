{#- Sales cycle length: summed days from creation to close of won deals ÷ those deals, by close period. -#}
{{ kpi_from_measures('measures_closed_opportunities_aggregated', numerator='won_sales_cycle_days', denominator='won_deals_with_sales_cycle') }}
