{#- Converted PQL lifetime value: revenue to date of the customers converted from a product-qualified
    lead in the period ÷ those customers. -#}
{{ kpi_from_measures('measures_converted_pqls_aggregated', numerator='converted_pql_revenue_to_date', denominator='converted_pql_customers', counted_by='converted_pql_customers') }}
