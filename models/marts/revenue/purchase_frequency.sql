{#- Purchase frequency: issued invoices with a positive net amount the period's paying customers
    received in it ÷ customers paying in the period. -#}
{{ kpi_from_measures('measures_purchases_aggregated', numerator='purchases', denominator='paying_customers') }}
