{#- Trial sign-up rate (seed 003): unique visitors of the period whose visit converted to a trial
    signup ÷ unique visitors, by the channel of the visitor's first session of the period. -#}
{{ kpi_from_measures('measures_web_visitors_aggregated', numerator='trial_signed_up_visitors', denominator='unique_visitors') }}
