{#- QBR engagement rate: customers due a quarterly business review (paying at the quarter's start, in
    a segment of var qbr_customer_segments) that held one in the quarter ÷ customers due one. Needs
    the optional crm.qbr_meetings. -#}
{{ kpi_from_measures(
    'measures_qbrs_aggregated',
    numerator='reviewed_customers',
    denominator='due_customers',
    period_grains=['quarter']
) }}
