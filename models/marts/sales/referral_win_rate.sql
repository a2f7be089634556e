{#- Referral win rate: referred new-business opportunities won ÷ referred ones closed in the
    period, by referral programme. -#}
{{ kpi_from_measures('measures_referral_closes_aggregated', numerator='won_referred_opportunities', denominator='closed_referred_opportunities') }}
