{#- Contraction MRR: decreases of customers still paying, net of FX, summed over the period (fct_customer_mrr_monthly.contraction_mrr). -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='contraction_mrr') }}
