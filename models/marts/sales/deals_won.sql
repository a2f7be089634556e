{#- Deals won (seed 001's amount of deals won): new-business deals closed won in the period, by
    count; expansion wins in their own opportunity_type row. -#}
{{ kpi_from_measures('measures_closed_opportunities_aggregated', value='won_deals') }}
