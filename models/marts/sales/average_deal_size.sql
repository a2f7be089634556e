{#- Average deal size: won amount (reporting currency) ÷ won deals with an amount, by close period. -#}

with

aggregated as (

    select * from {{ ref('measures_closed_opportunities_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'won_amount', 'won_deals_with_amount') }}
