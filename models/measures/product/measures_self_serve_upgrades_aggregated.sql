{#- Activated free and trial users per activation period (month, quarter, year) and breakdown
    (signup type and source), and of the decided ones those who upgraded self-serve: a user is
    activated on the day of their first key value action (fct_product_users); they upgrade when
    their customer's first paying month (the `new` movement of fct_customer_mrr_monthly, a
    self-serve customer) starts between the activation month and var
    self_serve_upgrade_window_days after the activation. A user whose customer was already paying
    before the activation month cannot upgrade and is left out. A user is decided once the window
    has ended by the as-of date. The measures of self_serve_upgrade_rate. Every period has a
    company row (zeros when nobody activated); a breakdown value has a row where its users
    activated. -#}

{%- set window_days = checked_var('self_serve_upgrade_window_days', minimum=0) %}

with

product_users as (

    select * from {{ ref('fct_product_users') }}

),

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

activated_users as (

    select
        product_user_id,
        customer_id,
        signup_type,
        signup_source,
        {{ to_reporting_date('first_value_action_at') }} as activation_date

    from product_users
    where
        signup_type in ('free', 'trial')
        and first_value_action_at is not null

),

first_paid_months as (

    select
        customer_id,
        month_start_date as first_paid_month_start_date,
        acquisition_motion

    from customer_months
    where movement_type = 'new'

),

upgrade_outcomes as (

    select
        activated_users.activation_date,
        activated_users.signup_type,
        activated_users.signup_source,
        case
            when {{ dbt.dateadd('day', window_days, 'activated_users.activation_date') }} <= bounds.as_of_date then 1 else 0
        end as is_decided,
        case
            when
                first_paid_months.acquisition_motion = 'self_serve'
                and first_paid_months.first_paid_month_start_date
                <= {{ dbt.dateadd('day', window_days, 'activated_users.activation_date') }}
                then 1
            else 0
        end as has_upgraded

    from activated_users
    cross join bounds
    left join first_paid_months
        on activated_users.customer_id = first_paid_months.customer_id
    where
        first_paid_months.customer_id is null
        or first_paid_months.first_paid_month_start_date >= {{ dbt.date_trunc('month', 'activated_users.activation_date') }}

),

outcomes_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        upgrade_outcomes.signup_type,
        upgrade_outcomes.signup_source,
        upgrade_outcomes.is_decided,
        upgrade_outcomes.is_decided * upgrade_outcomes.has_upgraded as is_decided_upgrade

    from upgrade_outcomes
    inner join reporting_periods
        on upgrade_outcomes.activation_date between reporting_periods.period_start and reporting_periods.period_last_date

),

outcomes_by_dimension as (

    {{ unpivot_dimensions('outcomes_in_periods', ['signup_type', 'signup_source']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as activated_users,
        sum(is_decided) as decided_activated_users,
        sum(is_decided_upgrade) as upgraded_users

    from outcomes_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['activated_users', 'decided_activated_users', 'upgraded_users']) }}
