{#- Feature adoption rate: customers paying in the period whose users tracked an event (any on the
    company row, each event name on its row) ÷ customers paying in the period. -#}
{{ kpi_from_measures('measures_feature_adoption_aggregated', numerator='adopting_customers', denominator='paying_customers') }}
