{#- Median resolution time: the median hours from creation to final solve of the tickets finally
    solved in the period (recomputed at every grain). -#}

with

aggregated as (

    select * from {{ ref('measures_ticket_durations_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='aggregated.resolution_hours_median') }}
