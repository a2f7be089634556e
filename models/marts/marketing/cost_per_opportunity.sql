{#- Cost per opportunity (seed 000): the period's sales and marketing spend ÷ the new-business
    opportunities created in it. Company level only. -#}
{{ kpi_from_measures('measures_sales_costs_joined', numerator='acquisition_spend', denominator='created_opportunities') }}
