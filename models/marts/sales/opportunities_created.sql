{#- Opportunities created (seed 001): new-business opportunities created in the period, by
    creation date; expansion in its own opportunity_type row. -#}
{{ kpi_from_measures('measures_created_opportunities_aggregated', value='created_opportunities') }}
