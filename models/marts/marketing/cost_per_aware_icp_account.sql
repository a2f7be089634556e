{#- Cost per aware ICP account (seed 003's glossary): all ad spend of the period (reporting
    currency) per ICP company made aware in it (at least var ad_aware_min_impressions impressions),
    by channel. -#}
{{ kpi_from_measures('measures_ad_reach_aggregated', numerator='ad_spend', denominator='aware_icp_accounts') }}
