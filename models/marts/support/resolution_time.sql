{#- Average resolution time (seed 001): total hours from creation to final solve of the tickets
    finally solved in the period ÷ those tickets. A reopened ticket counts once, at its final solve. -#}

with

aggregated as (

    select * from {{ ref('measures_ticket_durations_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'resolution_hours_total', 'resolved_tickets') }}
