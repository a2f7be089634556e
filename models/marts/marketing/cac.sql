{#- Customer acquisition cost: the period's sales and marketing spend ÷ the new paying customers won
    in it. Company level only: spend cannot be split by segment. -#}
{{ kpi_from_measures('measures_acquisition_costs_aggregated', numerator='acquisition_spend', denominator='new_customers') }}
