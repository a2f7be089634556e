{#- Billed revenue: invoiced revenue of the period (recurring and one-time, ex tax, net of refunds) in the
    reporting currency, the numerator of run_rate; at year grain seed 004's annual revenue. -#}
{{ kpi_from_measures('measures_run_rate_aggregated', value='billed_revenue') }}
