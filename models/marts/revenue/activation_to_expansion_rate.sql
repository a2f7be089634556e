{#- Activation-to-expansion rate: activated paying customers of the period that expanded within var
    activation_expansion_window_months ÷ decided activated paying customers. -#}
{{ kpi_from_measures('measures_activated_customers_aggregated', numerator='expanded_activated_customers', denominator='decided_activated_customers', counted_by='decided_activated_customers') }}
