{#- Lead-to-opportunity rate: decided leads whose opportunity was created within var
    funnel_conversion_window_days of the lead's creation ÷ decided leads, by creation period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='leads_with_opportunity',
    denominator='funnel_decided_leads',
    period_grains=['biweek', 'month', 'quarter', 'year']
) }}
