{#- Win rate by amount: won amount ÷ closed (won + lost) amount in the period, reporting currency. -#}

with

aggregated as (

    select * from {{ ref('measures_closed_opportunities_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'won_amount', 'closed_amount') }}
