{#- Contraction MRR: decreases of customers still paying, net of FX, summed over the period (fct_customer_mrr_monthly.contraction_mrr). -#}
{{ revenue_kpi(value='contraction_mrr') }}
