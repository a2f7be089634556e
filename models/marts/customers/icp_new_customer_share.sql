{#- ICP share of new customers: customers whose first paying month is in the period and who fit the
    ideal customer profile (seed icp_criteria) ÷ customers whose first paying month is in the
    period. -#}
{{ kpi_from_measures(
    'measures_icp_new_customers_aggregated',
    numerator='icp_new_customers',
    denominator='new_customers'
) }}
