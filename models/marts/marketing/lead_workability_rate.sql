{#- Lead workability rate: decided leads not disqualified as unreachable, bad data or a duplicate
    within var lead_workability_window_days of their creation ÷ decided leads, by creation period.
    Needs the optional crm.lead_status_history. No customer_segment breakdown: only converted leads
    have one. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='workable_leads',
    denominator='workability_decided_leads',
    period_grains=['biweek', 'month', 'quarter', 'year'],
    dimensions=['lead_source_channel', 'campaign', 'rep', 'team', 'region']
) }}
