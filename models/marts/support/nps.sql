{#- Net promoter score: 100 × (promoters − detractors) ÷ respondents among the surveys answered in
    the period (response date), a score from −100 to 100. Promoters score 9-10, detractors 0-6;
    passives (7-8) count only in the denominator; unanswered surveys in neither. -#}
{{ kpi_from_measures('measures_nps_answers_aggregated', value='net_promoter_score', numerator='net_promoters', denominator='respondents') }}
