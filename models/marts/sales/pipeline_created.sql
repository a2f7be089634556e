{#- Pipeline created (seed 001's value of opportunities created): the amounts (ACV, reporting
    currency) of the new-business opportunities created in the period. -#}
{{ kpi_from_measures('measures_created_opportunities_aggregated', value='created_amount') }}
