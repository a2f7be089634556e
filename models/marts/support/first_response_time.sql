{#- Average first response time: hours from a ticket's creation to its first public agent reply,
    summed over the tickets created in the period that have a reply ÷ those tickets. Tickets without
    a reply are left out, not zeros. -#}

with

aggregated as (

    select * from {{ ref('measures_ticket_durations_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'first_response_hours_total', 'responded_tickets') }}
