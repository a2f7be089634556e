{#- Revenue actioned by sales (seed 001): of every won new-business and expansion deal, the amount
    sales had reached before the first marketing touch within var attribution_window_days before the
    close (the whole amount of a deal no campaign touched in the window, nothing of a touched deal
    sales had no activity on), by close period. -#}
{{ kpi_from_measures('measures_attributed_revenue_aggregated', value='actioned_by_sales_amount', counted_by='sales_credited_deals') }}
