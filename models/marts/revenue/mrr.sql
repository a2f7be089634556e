{#- MRR: billed month-end MRR (see fct_customer_mrr_monthly). -#}
{{ revenue_kpi(value='closing_mrr') }}
