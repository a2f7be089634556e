{#- Reactivation MRR: MRR of customers back from zero after a churn, summed over the period (fct_customer_mrr_monthly.reactivation_mrr). -#}
{{ revenue_kpi(value='reactivation_mrr') }}
