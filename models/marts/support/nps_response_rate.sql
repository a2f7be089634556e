{#- NPS response rate: surveys sent in the period that have been answered (by the as-of date) ÷
    surveys sent in the period, by send date. -#}
{{ kpi_from_measures('measures_nps_surveys_aggregated', numerator='answered_surveys', denominator='sent_surveys') }}
