{#- Signup funnel completion rate (seed 003): sessions of the period that reached the signup page
    and then completed the signup ÷ sessions that reached the signup page, by the session's channel. -#}
{{ kpi_from_measures('measures_web_sessions_aggregated', numerator='signup_completed_sessions', denominator='signup_page_sessions', counted_by='signup_page_sessions') }}
