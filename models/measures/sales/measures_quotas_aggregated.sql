{#- Quota measures per period (month, quarter, year) and breakdown (rep, team, region) from the
    reps' quotas of the period (measures_rep_quotas_attained): bookings and quotas summed over every
    quota holder, and the reps with a positive quota and those of them who attained it. Every
    period has a company row (zeros when no quota is set). Read by quota_attainment and
    quota_achievement_rate. -#}

with

rep_quotas as (

    select * from {{ ref('measures_rep_quotas_attained') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

rep_quota_rows as (

    {#- A zero quota has no attainment: the rep counts in the amounts, not in the rep counts. -#}
    select
        period_grain,
        period_start,
        owner_user_id as rep,
        team_name as team,
        region,
        quota_amount,
        booked_amount,
        case when quota_amount > 0 then 1 else 0 end as has_positive_quota,
        case when quota_amount > 0 and is_quota_attained then 1 else 0 end as has_attained_quota

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
        sum(quota_amount) as quota_amount,
        sum(has_attained_quota) as attaining_reps,
        sum(has_positive_quota) as reps_with_quota

    from quotas_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    ['booked_amount', 'quota_amount', 'attaining_reps', 'reps_with_quota'],
    data_types={'booked_amount': 'decimal(38, 2)', 'quota_amount': 'decimal(38, 2)'},
) }}
