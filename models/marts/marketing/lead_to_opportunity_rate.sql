{#- Lead-to-opportunity rate: decided leads whose opportunity was created within var
    funnel_conversion_window_days of the lead's creation ÷ decided leads, by creation period. -#}
{{ lead_cohort_kpi(
    'is_funnel_window_closed and has_opportunity_within_window',
    'is_funnel_window_closed'
) }}
