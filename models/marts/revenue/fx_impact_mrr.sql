{#- FX impact MRR: change of MRR caused by exchange rates alone, summed over the period (fct_customer_mrr_monthly.fx_impact_mrr). -#}
{{ kpi_from_measures('measures_revenue_aggregated', value='fx_impact_mrr') }}
