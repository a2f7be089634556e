{#- Uncontacted lead rate: decided leads with no sales activity within var lead_response_window_days
    of their creation ÷ decided leads, by creation period. -#}
{{ lead_cohort_kpi(
    'is_response_window_closed and not is_contacted_within_window',
    'is_response_window_closed'
) }}
