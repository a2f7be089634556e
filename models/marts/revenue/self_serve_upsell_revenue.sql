{#- Self-serve upsell revenue: the MRR plan-tier upgrades (at the old quantity, seat growth left out)
    added in the period's expansion months that no won expansion opportunity of the customer was
    matched to. -#}
{{ kpi_from_measures('measures_self_serve_expansions_aggregated', value='self_serve_upsell_mrr') }}
