{#- Forecast accuracy (seed 000, "forecasting accuracy") of the next-month MRR forecast: 1 − |actual
    MRR − forecast| ÷ actual MRR for the month the forecast was made for; null without a forecast
    or without MRR. Monthly only. -#}
{{ kpi_from_measures(
    'measures_mrr_forecast_errors_computed',
    value='1 - ' ~ safe_ratio('absolute_forecast_error', 'actual_mrr'),
    numerator='absolute_forecast_error',
    denominator='actual_mrr',
    period_grains=['month']
) }}
