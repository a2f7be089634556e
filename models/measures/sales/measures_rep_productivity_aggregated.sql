{#- Sales productivity measures per period (month, quarter, year) for the company, each team and
    each region: the bookings (measures_bookings_aggregated) and the quota-carrying reps active in
    the period (dim_reps). Every period has a company row; a team or region has a row where it
    booked or had an active rep. Read by sales_productivity. -#}

with

bookings as (

    select * from {{ ref('measures_bookings_aggregated') }}
    where dimension in ('all', 'team', 'region')

),

reps as (

    select * from {{ ref('dim_reps') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

active_reps as (

    {#- A quota-carrying rep is active in a period when hired on or before its last day and not
        terminated before its first day (a rep leaving mid-period still counts in it). -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        reps.user_id,
        reps.team_name as team,
        reps.region

    from reps
    inner join reporting_periods
        on
            reps.hired_date <= reporting_periods.period_last_date
            and (reps.terminated_date is null or reps.terminated_date >= reporting_periods.period_start)
    where reps.is_quota_carrying

),

reps_by_dimension as (

    {{ unpivot_dimensions('active_reps', ['team', 'region']) }}

),

measures as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        booked_amount,
        0 as active_reps

    from bookings

    union all

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        0 as booked_amount,
        count(*) as active_reps

    from reps_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(booked_amount) as booked_amount,
        sum(active_reps) as active_reps

    from measures
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['booked_amount', 'active_reps'],
    data_types={'booked_amount': 'decimal(38, 2)'},
) }}
