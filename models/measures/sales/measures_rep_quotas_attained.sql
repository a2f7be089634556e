{#- One row per rep with a quota and period (month, quarter, year): the rep's quota in the
    reporting currency, the bookings the rep closed within the quota's dates, and whether the
    quota was attained. Read by quota_attainment and quota_achievement_rate. -#}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

reps as (

    select * from {{ ref('dim_reps') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

quota_spans as (

    select * from {{ ref('int_quotas_converted') }}

),

won_opportunities as (

    {#- Bookings: won new-business and expansion deals (renewals are not bookings), at the
        close month's rate; a deal without an amount books 0. -#}
    select
        owner_user_id,
        close_date,
        coalesce(amount, 0) as amount

    from opportunities
    where
        is_won
        and {{ is_new_revenue_opportunity('opportunity_type') }}

),

quota_bookings as (

    select
        quota_spans.quota_id,
        coalesce(sum(won_opportunities.amount), 0) as booked_amount

    from quota_spans
    left join won_opportunities
        on
            quota_spans.owner_user_id = won_opportunities.owner_user_id
            and won_opportunities.close_date between quota_spans.period_start_date and quota_spans.period_end_date
    group by quota_spans.quota_id

),

quotas_in_periods as (

    {#- A quota belongs to the reporting periods that contain its whole span (a monthly quota to
        its month, quarter and year; a quarterly quota to its quarter and year) and that have
        reached its start by the as-of date. -#}
    select
        periods.period_grain,
        periods.period_start,
        quota_spans.owner_user_id,
        quota_spans.quota_amount,
        quota_bookings.booked_amount

    from quota_spans
    inner join quota_bookings
        on quota_spans.quota_id = quota_bookings.quota_id
    inner join periods
        on
            quota_spans.period_start_date >= periods.period_start
            and quota_spans.period_end_date <= periods.period_end_date
            and quota_spans.period_start_date <= periods.period_last_date

),

rep_periods as (

    select
        period_grain,
        period_start,
        owner_user_id,
        count(*) as quotas,
        sum(quota_amount) as quota_amount,
        sum(booked_amount) as booked_amount

    from quotas_in_periods
    group by
        period_grain,
        period_start,
        owner_user_id

),

final as (

    select
        rep_periods.period_grain,
        rep_periods.period_start,
        rep_periods.owner_user_id,
        reps.team_name,
        reps.region,
        rep_periods.quotas,
        cast(rep_periods.quota_amount as decimal(38, 2)) as quota_amount,
        cast(rep_periods.booked_amount as decimal(38, 2)) as booked_amount,
        coalesce(rep_periods.quota_amount > 0 and rep_periods.booked_amount >= rep_periods.quota_amount, false)
            as is_quota_attained

    from rep_periods
    left join reps
        on rep_periods.owner_user_id = reps.user_id

)

select * from final
