{#- Median sales cycle length: the median of the days from creation to close of the deals won in
    the period (recomputed from the period's deals at every grain, never a median of medians). -#}
{{ kpi_from_measures('measures_closed_opportunities_aggregated', value='median_won_sales_cycle_days') }}
