{#- Touched revenue (seed 001): the amount of won new-business and expansion deals a marketing
    campaign touched within var attribution_window_days before the close, by close period. Each
    channel that touched a deal gets its whole amount; the company total and the other breakdowns
    count each deal once. -#}
{{ attributed_revenue_kpi(
    'is_touched',
    'touched_amount',
    ['channel', 'opportunity_type', 'customer_segment', 'region'],
    counted_rows="dimension = 'channel' or is_primary_row"
) }}
