{#- Lead conversion rate (seed 004): decided leads whose opportunity was won within var
    funnel_conversion_window_days of the lead's creation ÷ decided leads, by creation period. -#}
{{ lead_cohort_kpi(
    'is_funnel_window_closed and is_won_within_window',
    'is_funnel_window_closed'
) }}
