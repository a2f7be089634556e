{#- Meeting booking rate (seed 001's booking of meetings with sales): decided leads a sales user
    met within var meeting_booking_window_days of their creation ÷ decided leads, by creation
    period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='leads_with_meeting',
    denominator='meeting_decided_leads',
    period_grains=['biweek', 'month', 'quarter', 'year']
) }}
