{#- Gross revenue retention: as net revenue retention, with each customer's MRR now capped at its
    MRR twelve months earlier, so expansion never counts. Quarters and years take the value at
    their last month (end of period). -#}
{{ cohort_retention_kpi('current_mrr_capped', dbt.dateadd('month', -12, 'period_last_month_start')) }}
