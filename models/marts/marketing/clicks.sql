{#- Clicks (seed 001's marketing FAQ): clicks on the paid campaigns' ads as the ad platforms report
    them (revops.ad_account_reach), by the campaign's channel. -#}
{{ kpi_from_measures('measures_ad_reach_aggregated', value='ad_clicks', counted_by='ad_clicks') }}
