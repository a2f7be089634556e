{#- Percent of MQLs meeting the qualification criteria: decided leads that became an MQL within the
    funnel window and met at least var mql_qualification_min_criteria BANT criteria ÷ those MQLs, by
    creation period. Needs the optional crm.lead_status_history. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='qualified_mql_leads',
    denominator='mql_leads',
    period_grains=['biweek', 'month', 'quarter', 'year'],
    counted_by='mql_leads'
) }}
