{#- Revenue per trial user: new MRR of the customers the period's trial signups converted within
    var trial_user_revenue_window_days ÷ the period's decided trial signups, converted or not. -#}
{{ kpi_from_measures('measures_trial_users_aggregated', numerator='trial_new_mrr', denominator='decided_trial_signups', counted_by='decided_trial_signups') }}
