{#- One-month net revenue retention: the MRR that customers paying in the month before a period
    pay in the period's last month, at the earlier month's exchange rates, over their MRR then. A
    month is last month's payers this month; a quarter or year is recomputed over the whole period
    (the payers before it starts, at its last month), never an average of monthly values. -#}
{{ kpi_from_measures('measures_revenue_retention_aggregated', numerator='retained_mrr_1m', denominator='cohort_mrr_1m', counted_by='cohort_customers_1m') }}
