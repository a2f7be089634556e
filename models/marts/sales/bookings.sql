{#- Bookings: won new-business and expansion amounts (ACV, reporting currency) by close period. -#}

with

aggregated as (

    select * from {{ ref('measures_bookings_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='coalesce(aggregated.booked_amount, 0)') }}
