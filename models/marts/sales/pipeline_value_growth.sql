{#- Pipeline value growth: (pipeline value at the period's end − at the previous period's end)
    ÷ pipeline value at the previous period's end. -#}
{{ kpi_from_measures(
    'measures_pipeline_aggregated',
    numerator='closing_pipeline_amount - opening_pipeline_amount', denominator='opening_pipeline_amount',
    period_grains=['week', 'month', 'quarter', 'year']
) }}
