{#- Revenue actioned by marketing (seed 001): of the won new-business and expansion deals a
    campaign touched within var attribution_window_days before the close, the increase in amount
    since the first touch, or the whole amount when sales had no activity with the buyer by the
    close; by close period, credited to the channel of the deal's first touch in the window. -#}
{{ kpi_from_measures('measures_attributed_revenue_aggregated', value='actioned_by_marketing_amount', counted_by='marketing_credited_deals') }}
