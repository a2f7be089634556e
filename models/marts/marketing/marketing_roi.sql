{#- Marketing ROI (seed 001): (revenue marketing actioned − campaign cost) ÷ campaign cost, by
    period, for the company and per channel; null while the cost is zero or unknown. -#}
{{ kpi_from_measures('measures_marketing_returns_joined', numerator='marketing_return', denominator='campaign_cost') }}
