{#- Renewed ÷ ended quarterly and annual contract terms per period and breakdown (the measures:
    measures_contract_renewals_aggregated), with a row for every period. -#}

with

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

aggregated as (

    select * from {{ ref('measures_contract_renewals_aggregated') }}

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'renewed_terms', 'ended_terms') }}
