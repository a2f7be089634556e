{#- Median lead response time: the median of the minutes from a lead's creation to its first
    sales activity over the decided leads contacted within var lead_response_window_days, by
    creation period; breakdown values only where such a lead was contacted. Uncontacted leads are
    left out, as in lead_response_time. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    value='response_minutes_median',
    period_grains=['biweek', 'month', 'quarter', 'year'],
    counted_by='contacted_leads'
) }}
