{#- Product-qualified accounts: decided accounts of the period (by their first user's signup) with
    at least one product-qualified user; the numerator of pql_account_rate. -#}
{{ kpi_from_measures('measures_product_accounts_aggregated', value='product_qualified_accounts', counted_by='pql_decided_accounts') }}
