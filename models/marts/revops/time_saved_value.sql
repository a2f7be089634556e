{#- Value of the time saved (seed 001): hours saved in the period × var loaded_hourly_cost (the
    loaded cost of one hour of work, in the reporting currency). -#}
{{ kpi_from_measures(
    'measures_initiative_savings_aggregated',
    value='hours_saved * ' ~ checked_var('loaded_hourly_cost', minimum=0, whole_number=false)
) }}
