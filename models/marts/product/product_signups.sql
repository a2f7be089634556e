{#- Product signups: users who signed up for the app in the period (trial, free or paid), by signup
    type and source. -#}
{{ kpi_from_measures('measures_product_signups_aggregated', value='signups') }}
