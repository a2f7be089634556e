{#- Reactivation MRR: MRR of customers back from zero after a churn, summed over the period (fct_customer_mrr_monthly.reactivation_mrr). -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='reactivation_mrr') }}
