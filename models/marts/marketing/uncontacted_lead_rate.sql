{#- Uncontacted lead rate: decided leads with no sales activity within var lead_response_window_days
    of their creation ÷ decided leads, by creation period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='uncontacted_leads',
    denominator='response_decided_leads',
    period_grains=['biweek', 'month', 'quarter', 'year']
) }}
