{#- Ticket backlog: live tickets whose status at the end of the period's last day (the as-of date in
    the current period) is new, open or pending, from the status history. -#}
{{ kpi_from_measures('measures_backlog_tickets_aggregated', value='backlog_tickets') }}
