{#- Expansion MRR: increases of paying customers, net of FX, summed over the period (fct_customer_mrr_monthly.expansion_mrr). -#}
{{ revenue_kpi(value='expansion_mrr') }}
