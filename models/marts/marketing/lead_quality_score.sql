{#- Lead quality score: the average lead_quality_score (0..100, int_leads_quality_scored) of the leads created in the
    period. -#}
{{ kpi_from_measures(
    'measures_leads_aggregated',
    numerator='lead_quality_score_total',
    denominator='quality_scored_leads',
    counted_by='quality_scored_leads'
) }}
