{#- Event attendees (seed 001's attendance at events): members of webinar and event campaigns
    recorded as attended in the period. -#}
{{ kpi_from_measures('measures_campaign_attendance_aggregated', value='attendees') }}
