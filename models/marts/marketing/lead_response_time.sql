{#- Average lead response time (seed 004): minutes from a lead's creation to its first sales
    activity, averaged over the decided leads contacted within var lead_response_window_days, by
    creation period. Uncontacted leads are not zeros: they are left out (see uncontacted_lead_rate). -#}
{{ lead_cohort_kpi(
    'is_response_window_closed and is_contacted_within_window',
    'is_response_window_closed and is_contacted_within_window',
    numerator_measure='response_minutes'
) }}
