{#- Webinar attendance rate (seed 001's conversion of attending a marketing webinar): webinar
    registrants who attended ÷ webinar registrants, by the period the member was recorded in. -#}
{{ kpi_from_measures(
    'measures_campaign_attendance_aggregated',
    numerator='webinar_attendees',
    denominator='webinar_registrants',
    dimensions=['campaign', 'member_type'],
    counted_by='webinar_registrants'
) }}
