{#- Per period (week, month, quarter, year), the company's open pipeline at the period's end and
    that of referral-sourced opportunities (measures_pipeline_aggregated, lead_source_channel =
    referral): the measures of referral_pipeline_share. -#}
{{ breakdown_share_measures('measures_pipeline_aggregated', 'lead_source_channel', 'referral', ['closing_pipeline_amount']) }}
