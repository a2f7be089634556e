{#- Revenue per sales rep: billed revenue of the period ÷ sales reps (var sales_rep_roles) active
    in it, company total. -#}
{{ kpi_from_measures('measures_sales_rep_revenue_aggregated', numerator='billed_revenue', denominator='active_sales_reps') }}
