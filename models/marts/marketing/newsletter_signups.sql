{#- Newsletter sign-ups (seed 001's conversion action "signing up for newsletters"): e-mail
    addresses that joined the newsletter in the period (their first newsletter form submission), by
    the channel of the session they signed up in. -#}
{{ kpi_from_measures('measures_web_forms_aggregated', value='newsletter_signups', dimensions=['channel'], counted_by='newsletter_signups') }}
