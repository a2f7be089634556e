{#- Revenue-process errors per period (month, quarter, year) and breakdown (process, severity,
    automation), by the day they were found (int_process_errors_attributed): the errors, the records
    they touched, and the errors of the previous period of the same grain and breakdown (for the
    reduction). The measures of process_errors and error_reduction_rate. Every period has a company
    row (zeros when no error was logged); a breakdown value has a row where it had errors in the
    period or the period before. -#}

with

process_errors as (

    select * from {{ ref('int_process_errors_attributed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

errors_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        process_errors.process,
        process_errors.severity,
        process_errors.automation,
        process_errors.records_affected

    from process_errors
    inner join reporting_periods
        on process_errors.detected_date between reporting_periods.period_start and reporting_periods.period_last_date

),

errors_by_dimension as (

    {{ unpivot_dimensions('errors_in_periods', ['process', 'severity', 'automation']) }}

),

period_counts as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as errors,
        sum(records_affected) as records_affected

    from errors_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

next_period_counts as (

    {#- Each period's errors, moved to the next period of its grain as that period's previous count. -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        period_counts.dimension,
        period_counts.dimension_value,
        period_counts.errors as previous_errors

    from period_counts
    inner join reporting_periods
        on
            period_counts.period_grain = reporting_periods.period_grain
            and period_counts.period_start = reporting_periods.previous_period_start

),

aggregated as (

    select
        coalesce(period_counts.period_grain, next_period_counts.period_grain) as period_grain,
        coalesce(period_counts.period_start, next_period_counts.period_start) as period_start,
        coalesce(period_counts.dimension, next_period_counts.dimension) as dimension,
        coalesce(period_counts.dimension_value, next_period_counts.dimension_value) as dimension_value,
        period_counts.errors,
        period_counts.records_affected,
        next_period_counts.previous_errors

    from period_counts
    full outer join next_period_counts
        on {{ kpi_row_join('period_counts', 'next_period_counts') }}

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['errors', 'records_affected', 'previous_errors']) }}
