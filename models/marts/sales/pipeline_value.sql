{#- Pipeline value: open pipeline amount (new business + expansion) at the period's end. -#}
{{ kpi_from_measures(
    'measures_pipeline_aggregated',
    value='closing_pipeline_amount',
    period_grains=['week', 'month', 'quarter', 'year']
) }}
