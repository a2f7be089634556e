{#- Lead conversion time (seed 001's time to conversion): the median whole days from a lead's
    creation to its CRM conversion, over the decided leads converted within var
    funnel_conversion_window_days, by creation period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    value='days_to_conversion_median',
    period_grains=['biweek', 'month', 'quarter', 'year'],
    counted_by='converted_leads'
) }}
