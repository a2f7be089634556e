{#- 90th percentile first response time (linear interpolation) of the replied tickets created in the
    period (recomputed at every grain). -#}

with

aggregated as (

    select * from {{ ref('measures_ticket_durations_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='aggregated.first_response_hours_p90') }}
