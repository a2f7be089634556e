{#- Average campaign investment: campaign cost ÷ campaigns started in the period (after var cac_expense_lag_months), by
    channel; seed 001's advertising cost is its numerator, the number of campaigns × this value. -#}
{{ kpi_from_measures('measures_channel_acquisition_costs_aggregated', numerator='campaign_cost', denominator='campaigns', counted_by='campaigns') }}
