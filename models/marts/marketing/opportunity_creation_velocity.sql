{#- Opportunity creation velocity (from MQL): the median days from a lead's MQL to the creation of
    its opportunity, over the decided leads with both within the funnel window, by creation period.
    Needs the optional crm.lead_status_history. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    value='mql_to_opportunity_days_median',
    period_grains=['biweek', 'month', 'quarter', 'year'],
    counted_by='mql_leads_with_opportunity'
) }}
