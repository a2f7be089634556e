{#- Visitor signup rate (seed 001's conversion action "registering an account on your website"):
    unique visitors of the period whose visit converted to an app signup ÷ unique visitors, by the
    channel of the visitor's first session of the period. -#}
{{ kpi_from_measures('measures_web_visitors_aggregated', numerator='signed_up_visitors', denominator='unique_visitors') }}
