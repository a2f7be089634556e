{#- Average lead response time (seed 004): minutes from a lead's creation to its first sales
    activity, averaged over the decided leads contacted within var lead_response_window_days, by
    creation period. Uncontacted leads are not zeros: they are left out (see uncontacted_lead_rate). -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='response_minutes_total',
    denominator='contacted_leads',
    period_grains=['biweek', 'month', 'quarter', 'year']
) }}
