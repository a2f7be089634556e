{#- Error reduction rate (seed 001: "error reduction achieved through automation"): (errors of the
    previous period of the grain − errors of this period) ÷ the previous period's, by process,
    severity and automation. -#}
{{ kpi_from_measures(
    'measures_process_errors_aggregated',
    numerator='previous_errors - errors',
    denominator='previous_errors',
    counted_by='errors + previous_errors'
) }}
