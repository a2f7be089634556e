{#- Average first response time in business hours: business hours from a ticket's creation to its
    first public agent reply, summed over the tickets created in the period that have a reply and
    were measured against the support schedule ÷ those tickets. -#}

with

aggregated as (

    select * from {{ ref('measures_ticket_durations_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'first_response_business_hours_total', 'business_responded_tickets') }}
