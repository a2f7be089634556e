{#- Net revenue retention: the MRR that customers paying twelve months before the period's last
    month pay in that month, at the earlier month's exchange rates, over their MRR then. Quarters
    and years take the value at their last month (end of period). -#}
{{ kpi_from_measures('measures_revenue_retention_aggregated', numerator='retained_mrr_12m', denominator='cohort_mrr_12m', counted_by='cohort_customers_12m') }}
