{#- CAC payback: months of the new customers' gross profit it takes to earn back their acquisition
    cost, CAC ÷ (their ARPA × var `gross_margin`). The new-customer count cancels, so it is divided
    as the period's acquisition spend ÷ the new customers' first-month gross profit. -#}
{{ kpi_from_measures('measures_acquisition_costs_aggregated', numerator='acquisition_spend', denominator='new_customer_gross_profit') }}
