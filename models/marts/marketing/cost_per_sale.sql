{#- Cost per sale (seed 000): the period's sales and marketing spend ÷ the new-business deals won in
    it. Company level only. -#}
{{ kpi_from_measures('measures_sales_costs_joined', numerator='acquisition_spend', denominator='won_deals') }}
