{#- New MRR: first-ever paying months, summed over the period (fct_customer_mrr_monthly.new_mrr). -#}
{{ revenue_kpi(value='new_mrr') }}
