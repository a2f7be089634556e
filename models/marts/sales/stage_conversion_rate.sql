{#- Advanced ÷ decided stage entries per period, stage and breakdown (the measures:
    measures_stage_conversions_aggregated), with a row for every period. -#}

with

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

aggregated as (

    select * from {{ ref('measures_stage_conversions_aggregated') }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'advanced_entries', 'decided_entries') }}
