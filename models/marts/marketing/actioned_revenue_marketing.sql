{#- Revenue actioned by marketing (seed 001): of the won new-business and expansion deals a
    campaign touched within var attribution_window_days before the close, the increase in amount
    since the first touch, or the whole amount when sales had no activity with the buyer by the
    close; by close period, credited to the channel of the deal's first touch in the window. -#}
{{ attributed_revenue_kpi(
    'is_touched and is_primary_row',
    'actioned_by_marketing_amount',
    ['channel', 'opportunity_type', 'customer_segment', 'region']
) }}
