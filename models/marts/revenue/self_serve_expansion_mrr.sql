{#- Self-serve expansion MRR: expansion MRR of the period that no won expansion opportunity of the
    customer (closed in the expansion month or the month before) accounts for. -#}
{{ kpi_from_measures('measures_self_serve_expansions_aggregated', value='self_serve_expansion_mrr') }}
