{#- Revenue per trial user: revenue billed on paid invoices within var trial_user_revenue_window_days
    of the signup to the customers the period's trial signups converted ÷ the period's decided trial
    signups, converted or not. -#}
{{ kpi_from_measures('measures_trial_users_aggregated', numerator='trial_billed_revenue', denominator='decided_trial_signups', counted_by='decided_trial_signups') }}
