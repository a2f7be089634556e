{#- Product-qualified account rate: accounts of the period (by their first user's signup) with at
    least one product-qualified user ÷ accounts whose first user's PQL window has ended. -#}
{{ kpi_from_measures('measures_product_accounts_aggregated', numerator='product_qualified_accounts', denominator='pql_decided_accounts', counted_by='pql_decided_accounts') }}
