{#- Trial conversion rate: converted ÷ decided trials started in the period (the trial rule: int_trial_outcomes_decided). -#}
{{ kpi_from_measures('measures_trials_aggregated', numerator='converted_trials', denominator='decided_trials') }}
