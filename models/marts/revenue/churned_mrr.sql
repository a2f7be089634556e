{#- Churned MRR: last month's MRR of customers whose MRR fell to zero, summed over the period (fct_customer_mrr_monthly.churned_mrr). -#}
{{ revenue_kpi(value='churned_mrr') }}
