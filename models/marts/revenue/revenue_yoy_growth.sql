{#- Year-over-year revenue growth: (MRR − MRR twelve months earlier) ÷ MRR twelve months earlier. -#}
{{ kpi_from_measures('measures_revenue_aggregated', numerator='closing_mrr - closing_mrr_year_earlier', denominator='closing_mrr_year_earlier') }}
