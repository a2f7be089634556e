{#- MQL rate: decided leads that became a marketing-qualified lead within var
    funnel_conversion_window_days of their creation ÷ decided leads, by creation period. Needs the
    optional crm.lead_status_history. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='mql_leads',
    denominator='funnel_decided_leads',
    period_grains=['biweek', 'month', 'quarter', 'year']
) }}
