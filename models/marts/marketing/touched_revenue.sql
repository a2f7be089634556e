{#- Touched revenue (seed 001): the amount of won new-business and expansion deals a marketing
    campaign touched within var attribution_window_days before the close, by close period. Each
    channel that touched a deal gets its whole amount; the company total and the other breakdowns
    count each deal once. -#}
{{ kpi_from_measures('measures_attributed_revenue_aggregated', value='touched_amount', counted_by='touched_deals') }}
