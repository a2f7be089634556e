{#- Time to first meeting (seed 003): the median days from a lead's creation to its first sales
    meeting, over the decided leads met within var meeting_booking_window_days, by creation period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    value='days_to_first_meeting_median',
    period_grains=['biweek', 'month', 'quarter', 'year'],
    counted_by='leads_with_meeting'
) }}
