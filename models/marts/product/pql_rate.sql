{#- Product-qualified lead rate: signups of the period that reached var pql_value_actions key value
    actions within var pql_window_days ÷ signups whose window has ended. -#}
{{ kpi_from_measures('measures_product_signups_aggregated', numerator='product_qualified_signups', denominator='pql_decided_signups', counted_by='pql_decided_signups') }}
