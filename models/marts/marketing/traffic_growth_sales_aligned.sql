{#- Traffic growth from sales-aligned channels (seed 003): (sessions from the var
    web_sales_aligned_channels this period − in the previous period of the grain) ÷ the previous
    period's, by channel. -#}
{{ kpi_from_measures(
    'measures_web_sessions_aggregated',
    numerator='sales_aligned_sessions - previous_sales_aligned_sessions',
    denominator='previous_sales_aligned_sessions',
    counted_by='sales_aligned_sessions + previous_sales_aligned_sessions'
) }}
