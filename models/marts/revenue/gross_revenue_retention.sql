{#- Gross revenue retention: as net revenue retention, with each customer's MRR now capped at its
    MRR twelve months earlier, so expansion never counts. Quarters and years take the value at
    their last month (end of period). -#}
{{ kpi_from_measures('measures_revenue_retention_aggregated', numerator='retained_mrr_capped_12m', denominator='cohort_mrr_12m', counted_by='cohort_customers_12m') }}
