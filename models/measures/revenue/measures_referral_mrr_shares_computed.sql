{#- Per period (month, quarter, year), the company's closing MRR and that of the customers acquired
    by referral (measures_revenue_aggregated, acquisition_channel = referral): the measures of
    referral_revenue_share. -#}
{{ breakdown_share_measures('measures_revenue_aggregated', 'acquisition_channel', 'referral', ['closing_mrr']) }}
