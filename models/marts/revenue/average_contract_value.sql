{#- Average contract value: ARR ÷ active contracts (billing subscriptions paying) at the period's
    last month-end. -#}
{{ kpi_from_measures('measures_contracts_aggregated', numerator='closing_arr', denominator='active_contracts') }}
