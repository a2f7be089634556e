{#- Activation rate (seed 001): decided leads whose customer started paying in billing within var
    funnel_conversion_window_days of the lead's creation ÷ decided leads, by creation period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='activated_leads',
    denominator='funnel_decided_leads',
    period_grains=['biweek', 'month', 'quarter', 'year']
) }}
