{#- Exit reason frequency (segmented): the share of the period's answered churn surveys that cite a
    reason, overall and within each customer segment and plan tier. Needs the optional
    billing.cancellation_reasons. -#}
{{ kpi_from_measures(
    'measures_cancellation_reasons_aggregated',
    numerator='citing_answers',
    denominator='comparable_answers'
) }}
