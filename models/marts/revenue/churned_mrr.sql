{#- Churned MRR: last month's MRR of customers whose MRR fell to zero, summed over the period (fct_customer_mrr_monthly.churned_mrr). -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='churned_mrr') }}
