{#- Expansion MRR: increases of paying customers, net of FX, summed over the period (fct_customer_mrr_monthly.expansion_mrr). -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='expansion_mrr') }}
