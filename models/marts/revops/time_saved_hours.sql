{#- Time saved (seed 001): hours of manual work saved in the period by the RevOps initiatives live
    before it (each saves its estimated hours per month from the month after it went live). -#}
{{ kpi_from_measures('measures_initiative_savings_aggregated', value='hours_saved') }}
