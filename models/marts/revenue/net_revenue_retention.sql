{#- Net revenue retention: the MRR that customers paying twelve months before the period's last
    month pay in that month, at the earlier month's exchange rates, over their MRR then. Quarters
    and years take the value at their last month (end of period). -#}
{{ cohort_retention_kpi('current_mrr', dbt.dateadd('month', -12, 'period_last_month_start')) }}
