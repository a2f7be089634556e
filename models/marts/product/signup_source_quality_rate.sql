{#- Signup source quality rate: decided signups of the period that became product-qualified leads of
    an ICP customer ÷ decided signups, by signup source. -#}
{{ kpi_from_measures('measures_signup_source_quality_aggregated', numerator='icp_product_qualified_signups', denominator='pql_decided_signups', counted_by='pql_decided_signups') }}
