{#- Median sales cycle length: the median of the days from creation to close of the deals won in
    the period (recomputed from the period's deals at every grain, never a median of medians). -#}

with

aggregated as (

    select * from {{ ref('measures_closed_opportunities_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='aggregated.median_won_sales_cycle_days') }}
