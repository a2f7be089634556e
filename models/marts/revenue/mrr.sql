{#- MRR: billed month-end MRR (see fct_customer_mrr_monthly). -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='closing_mrr') }}
