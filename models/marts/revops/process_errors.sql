{#- Process errors (seed 001: the error reduction automation achieves): errors found in revenue
    processes in the period, by process, severity and automation. -#}
{{ kpi_from_measures('measures_process_errors_aggregated', value='errors', counted_by='errors') }}
