{#- New paying customers per first-paid period (month, quarter, year) and breakdown (plan tier,
    segment and region in the first paying month), with their expansion signal once decided: the
    signal is the first day the customer's product user base grows past the users it started
    paying with (at least one): the first activity (fct_product_usage_daily) of its user number
    max(users active by the end of the first paying month, 1) + 1. Days count from the first
    paying month's start (fct_customer_mrr_monthly, `new` movement); a customer is decided once
    var expansion_signal_window_days have passed since then by the as-of date, and signalled when
    its signal came within them. The measures of time_to_expansion_signal. Every period has a
    company row (zeros and a null median when nobody started paying); a breakdown value has a row
    where its customers started paying. Longer than 200 lines because the signal takes four steps of
    its own (each user's first active day, the users in order, the starting count, the next user's
    day) before the usual decide, count and median steps. -#}

{%- set window_days = checked_var('expansion_signal_window_days', minimum=0) %}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

user_days as (

    select * from {{ ref('fct_product_usage_daily') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

first_paid_months as (

    select
        customer_id,
        month_start_date as first_paid_month_start_date,
        plan_tier,
        customer_segment,
        region

    from customer_months
    where movement_type = 'new'

),

first_active_days as (

    select
        customer_id,
        product_user_id,
        min(activity_date) as first_active_date

    from user_days
    where customer_id is not null
    group by
        customer_id,
        product_user_id

),

customer_users as (

    {#- Each product user of a paying customer with its first active day, numbered in the order
        they became active (ties by user id). -#}
    select
        first_paid_months.customer_id,
        first_active_days.first_active_date,
        row_number() over (
            partition by first_paid_months.customer_id
            order by first_active_days.first_active_date, first_active_days.product_user_id
        ) as user_number,
        case
            when
                first_active_days.first_active_date
                < {{ dbt.dateadd('month', 1, 'first_paid_months.first_paid_month_start_date') }}
                then 1
            else 0
        end as is_starting_user

    from first_paid_months
    inner join first_active_days
        on first_paid_months.customer_id = first_active_days.customer_id

),

starting_user_counts as (

    select
        customer_id,
        sum(is_starting_user) as starting_users

    from customer_users
    group by customer_id

),

signals as (

    select
        customer_users.customer_id,
        customer_users.first_active_date as signal_date

    from customer_users
    inner join starting_user_counts
        on customer_users.customer_id = starting_user_counts.customer_id
    where
        customer_users.user_number = case
            when starting_user_counts.starting_users > 1 then starting_user_counts.starting_users else 1
        end + 1

),

outcomes as (

    select
        first_paid_months.first_paid_month_start_date,
        first_paid_months.plan_tier,
        first_paid_months.customer_segment,
        first_paid_months.region,
        case
            when {{ dbt.dateadd('day', window_days, 'first_paid_months.first_paid_month_start_date') }} <= bounds.as_of_date
                then 1
            else 0
        end as is_decided,
        case
            when signals.signal_date <= {{ dbt.dateadd('day', window_days, 'first_paid_months.first_paid_month_start_date') }}
                then {{ dbt.datediff('first_paid_months.first_paid_month_start_date', 'signals.signal_date', 'day') }}
        end as days_to_signal

    from first_paid_months
    cross join bounds
    left join signals
        on first_paid_months.customer_id = signals.customer_id

),

outcomes_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        outcomes.plan_tier,
        outcomes.customer_segment,
        outcomes.region,
        outcomes.is_decided,
        case when outcomes.is_decided = 1 and outcomes.days_to_signal is not null then 1 else 0 end
            as is_decided_signalled,
        case when outcomes.is_decided = 1 then outcomes.days_to_signal end as decided_days_to_signal

    from outcomes
    inner join reporting_periods
        on outcomes.first_paid_month_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

outcomes_by_dimension as (

    {{ unpivot_dimensions('outcomes_in_periods', ['plan_tier', 'customer_segment', 'region']) }}

),

outcome_counts as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as new_customers,
        sum(is_decided) as decided_new_customers,
        sum(is_decided_signalled) as signalled_customers

    from outcomes_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

signal_medians as (

    {{ kpi_median('outcomes_by_dimension', 'decided_days_to_signal', 'is_decided_signalled = 1') }}

),

aggregated as (

    select
        outcome_counts.*,
        cast(signal_medians.median_value as decimal(18, 6)) as days_to_expansion_signal_median

    from outcome_counts
    left join signal_medians
        on {{ kpi_row_join('outcome_counts', 'signal_medians') }}

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['new_customers', 'decided_new_customers', 'signalled_customers'],
    statistics=['days_to_expansion_signal_median'],
) }}
