{#- Self-serve upgrade rate (post-activation): activated free and trial users whose self-serve
    customer started paying within var self_serve_upgrade_window_days ÷ decided activated users. -#}
{{ kpi_from_measures('measures_self_serve_upgrades_aggregated', numerator='upgraded_users', denominator='decided_activated_users', counted_by='decided_activated_users') }}
