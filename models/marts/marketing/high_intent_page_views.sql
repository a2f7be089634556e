{#- Page views on high-intent pages (seed 003): views of the pages in var web_high_intent_paths
    (pricing, demo request, signup, contact sales) in sessions started in the period, by channel. -#}
{{ kpi_from_measures('measures_web_sessions_aggregated', value='high_intent_page_views', counted_by='sessions') }}
