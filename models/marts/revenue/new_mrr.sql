{#- New MRR: first-ever paying months, summed over the period (fct_customer_mrr_monthly.new_mrr). -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='new_mrr') }}
