{#- Revenue seasonality index (seed 001, "Seasonality"): a month's billed revenue per day ÷ the billed
    revenue per day of the twelve months ending with it (1 = an average month); null without twelve
    months of revenue data. Monthly only. -#}
{{ kpi_from_measures(
    'measures_revenue_seasonality_windowed',
    numerator='daily_revenue',
    denominator='trailing_daily_revenue',
    period_grains=['month']
) }}
