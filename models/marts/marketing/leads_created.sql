{#- Leads created (seed 002's lead generation): live leads created in the period, by creation
    date in the reporting timezone. -#}
{{ kpi_from_measures('measures_leads_aggregated', value='created_leads', period_grains=['biweek', 'month', 'quarter', 'year']) }}
