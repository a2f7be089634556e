{#- Referral pipeline share (seed 003, Referral Opportunity Pipeline Contribution Rate): open
    pipeline of referral-sourced opportunities ÷ all open pipeline, at the period's end. Company
    total only. -#}
{{ kpi_from_measures(
    'measures_referral_pipeline_shares_computed',
    numerator='referral_closing_pipeline_amount',
    denominator='closing_pipeline_amount',
    period_grains=['week', 'month', 'quarter', 'year']
) }}
