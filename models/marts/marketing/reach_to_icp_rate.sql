{#- Reach to ICP % (seed 003's glossary): the share of the companies an ad platform reached in the
    period (at least one impression) that fit the ideal customer profile, by channel. -#}
{{ kpi_from_measures('measures_ad_reach_aggregated', numerator='reached_icp_accounts', denominator='reached_accounts') }}
