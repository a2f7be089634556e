{#- Quota achievement rate: reps whose bookings reached their quota ÷ reps with a positive quota
    in the period. -#}

with

rep_quotas as (

    select * from {{ ref('measures_rep_quotas_attained') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

rep_quota_rows as (

    {#- A zero quota has no attainment: the rep is in neither count. -#}
    select
        period_grain,
        period_start,
        owner_user_id,
        team_name as team,
        region,
        is_quota_attained

    from rep_quotas
    where quota_amount > 0

),

quotas_by_dimension as (

    {{ unpivot_dimensions('rep_quota_rows', ['team', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(case when is_quota_attained then 1 else 0 end) as attaining_reps,
        count(*) as reps_with_quota

    from quotas_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'attaining_reps', 'reps_with_quota') }}
