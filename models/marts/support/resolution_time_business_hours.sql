{#- Average resolution time in business hours: business hours from creation to final solve, summed
    over the tickets finally solved in the period and measured against the support schedule ÷ those
    tickets. -#}

with

aggregated as (

    select * from {{ ref('measures_ticket_durations_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'resolution_business_hours_total', 'business_resolved_tickets') }}
