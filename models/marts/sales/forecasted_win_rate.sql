{#- Forecasted win rate: the probability-weighted open pipeline ÷ the open pipeline at the period's end, the win rate
    the CRM's stage probabilities forecast for the deals open then. -#}
{{ kpi_from_measures(
    'measures_pipeline_aggregated',
    numerator='closing_weighted_pipeline_amount',
    denominator='closing_pipeline_amount',
    period_grains=['week', 'month', 'quarter', 'year']
) }}
