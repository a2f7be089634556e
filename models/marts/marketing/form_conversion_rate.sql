{#- Website form conversion rate (seed 001's conversion rate of the website's form actions):
    sessions of the period that submitted a form ÷ the period's sessions; by channel, and by form
    type over all the period's sessions (newsletter, content download, contact sales, demo request). -#}
{{ kpi_from_measures('measures_web_forms_aggregated', numerator='form_sessions', denominator='sessions', counted_by='sessions') }}
