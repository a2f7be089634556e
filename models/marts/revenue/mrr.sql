{#- MRR: billed month-end MRR (see fct_customer_mrr_monthly). -#}
{{ kpi_from_measures('int_revenue_measures_aggregated', value='closing_mrr') }}
