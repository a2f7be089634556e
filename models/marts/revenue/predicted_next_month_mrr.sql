{#- Predicted next-month MRR, made at month m for month m + 1: month-end MRR − month-end MRR × the
    trailing net revenue churn rate + the trailing monthly average of new and reactivated MRR, both
    over the window of var `forecast_window_months` ending at m. Monthly only. -#}
{{ kpi_from_measures('measures_mrr_forecasts_computed', value='predicted_next_month_mrr', period_grains=['month']) }}
