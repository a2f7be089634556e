{#- Weighted pipeline: open pipeline amounts × win probability (new business + expansion) at the period's end. -#}
{{ kpi_from_measures(
    'int_pipeline_measures_aggregated',
    value='closing_weighted_pipeline_amount',
    period_grains=['week', 'month', 'quarter', 'year']
) }}
