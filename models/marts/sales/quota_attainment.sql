{#- Quota attainment: bookings closed within the quotas' dates ÷ quota (reporting currency), per
    rep, team, region and company, over the quotas of the period. -#}

with

rep_quotas as (

    select * from {{ ref('measures_rep_quotas_attained') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

rep_quota_rows as (

    select
        period_grain,
        period_start,
        owner_user_id as rep,
        team_name as team,
        region,
        quota_amount,
        booked_amount

    from rep_quotas

),

quotas_by_dimension as (

    {{ unpivot_dimensions('rep_quota_rows', ['rep', 'team', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(booked_amount) as booked_amount,
        sum(quota_amount) as quota_amount

    from quotas_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'booked_amount', 'quota_amount') }}
