{#- Product-engaged lead rate: decided leads of the period whose company's product users reached a
    key value action before or within var pel_window_days of the lead's creation ÷ decided leads. -#}
{{ kpi_from_measures('measures_product_engaged_leads_aggregated', numerator='product_engaged_leads', denominator='pel_decided_leads', counted_by='pel_decided_leads') }}
