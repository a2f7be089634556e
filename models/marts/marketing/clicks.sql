{#- Clicks (seed 001's marketing FAQ): sessions that landed from a paid campaign (landing utm_medium
    in var web_paid_click_utm_mediums), by channel; a proxy for ad clicks that reached the site. -#}
{{ kpi_from_measures('measures_web_sessions_aggregated', value='paid_click_sessions', counted_by='paid_click_sessions') }}
