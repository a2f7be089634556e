{#- Sales cycle length: summed days from creation to close of won deals ÷ those deals, by close period. -#}

with

aggregated as (

    select * from {{ ref('measures_closed_opportunities_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'won_sales_cycle_days', 'won_deals_with_sales_cycle') }}
