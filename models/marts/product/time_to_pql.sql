{#- Time to PQL: median days from signing up to qualifying as a product-qualified lead, over the
    period's decided signups that qualified. -#}
{{ kpi_from_measures('measures_product_signups_aggregated', value='days_to_qualification_median', counted_by='product_qualified_signups') }}
