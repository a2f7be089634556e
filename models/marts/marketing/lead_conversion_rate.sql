{#- Lead conversion rate (seed 004): decided leads whose opportunity was won within var
    funnel_conversion_window_days of the lead's creation ÷ decided leads, by creation period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='won_leads',
    denominator='funnel_decided_leads',
    period_grains=['biweek', 'month', 'quarter', 'year']
) }}
