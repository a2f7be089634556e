{#- Activation rate (seed 001): decided leads whose customer started paying in billing within var
    funnel_conversion_window_days of the lead's creation ÷ decided leads, by creation period. -#}
{{ lead_cohort_kpi(
    'is_funnel_window_closed and is_activated_within_window',
    'is_funnel_window_closed'
) }}
