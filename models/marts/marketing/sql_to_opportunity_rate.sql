{#- SQL-to-opportunity rate: decided leads that became a sales-qualified lead within the funnel
    window and whose opportunity was created within it ÷ those SQLs, by creation period. Needs the
    optional crm.lead_status_history. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='sql_leads_with_opportunity',
    denominator='sql_leads',
    period_grains=['biweek', 'month', 'quarter', 'year'],
    counted_by='sql_leads'
) }}
