{#- CAC by channel: campaign cost of a lead source channel ÷ the new paying customers whose lead
    came from that channel (measures_channel_acquisition_costs_aggregated); the company row divides all
    campaign cost by all new customers. -#}

with

channel_costs as (

    select * from {{ ref('measures_channel_acquisition_costs_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('channel_costs', 'reporting_periods', 'campaign_cost', 'new_customers') }}
