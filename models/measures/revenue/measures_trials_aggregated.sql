{#- Trials started in each period (month, quarter, year) and breakdown, and how many of the decided
    ones converted: the measures of trial_conversion_rate. Every period has a company row (zeros
    when no trial started); breakdown rows exist where trials started. -#}

with

trial_outcomes as (

    select * from {{ ref('int_trial_outcomes_decided') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

trials_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        trial_outcomes.*

    from trial_outcomes
    inner join reporting_periods
        on trial_outcomes.trial_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

trials_by_dimension as (

    {{ unpivot_dimensions('trials_in_periods', ['plan_tier', 'currency_code', 'region']) }}

),

aggregated as (

    {#- Only trials whose window has closed by the as-of date are decided: converted or not.
        Trials still inside their window are left out of both counts, converted or not, so a
        recent month is neither understated (open trials counted as failures) nor overstated
        (only the quick converters counted). -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_window_closed and is_converted then 1 else 0 end) as converted_trials,
        sum(case when is_window_closed then 1 else 0 end) as decided_trials

    from trials_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['converted_trials', 'decided_trials']) }}
