{#- Median lead response time: the median of the minutes from a lead's creation to its first
    sales activity over the decided leads contacted within var lead_response_window_days, by
    creation period. Uncontacted leads are left out, as in lead_response_time. -#}
{{ lead_cohort_kpi(
    'is_response_window_closed and is_contacted_within_window',
    'is_response_window_closed and is_contacted_within_window',
    numerator_measure='response_minutes',
    median=true
) }}
