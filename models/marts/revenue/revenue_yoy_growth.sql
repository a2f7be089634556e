{#- Year-over-year revenue growth: (MRR − MRR twelve months earlier) ÷ MRR twelve months earlier. -#}
{{ revenue_kpi(numerator='closing_mrr - closing_mrr_year_earlier', denominator='closing_mrr_year_earlier') }}
