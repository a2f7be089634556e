{#- Converted ÷ decided trials per period and breakdown (the measures: measures_trials_aggregated;
    the trial rule: int_trial_outcomes_decided), with a row for every period. -#}

with

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

aggregated as (

    select * from {{ ref('measures_trials_aggregated') }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'converted_trials', 'decided_trials') }}
