{#- CAC by channel: campaign cost of a lead source channel ÷ the new paying customers whose lead
    came from that channel (measures_channel_acquisition_costs_aggregated); the company row divides all
    campaign cost by all new customers. A cost left unknown by a missing FX rate divides as 0. -#}
{{ kpi_from_measures(
    'measures_channel_acquisition_costs_aggregated',
    numerator='coalesce(campaign_cost, 0)',
    denominator='new_customers'
) }}
