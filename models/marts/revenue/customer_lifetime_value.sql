{#- Customer lifetime value: ARPA × gross margin ÷ the pooled monthly customer churn rate of the
    trailing window ending at the month (var `ltv_churn_window_months`). Quarters and years take
    the value of their last month (end of period). -#}
{{ kpi_from_measures('measures_lifetime_values_computed', value='customer_lifetime_value', numerator='gross_margin_arpa', denominator='trailing_customer_churn_rate') }}
