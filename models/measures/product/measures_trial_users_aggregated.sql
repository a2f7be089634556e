{#- Trial users per signup period (month, quarter, year) and breakdown (signup source), with the
    revenue they brought once decided: a trial user's customer converts when its first paying month
    (the `new` movement of fct_customer_mrr_monthly) starts between the signup's month and var
    trial_user_revenue_window_days after the signup; the revenue is what the customer was billed
    on paid invoices (int_billed_revenue_listed, net of discounts and refunds, without tax) from the
    signup day to the window's end, credited once, to the customer's first trial user. A signup is
    decided once its window has ended by the as-of date. The measures of revenue_per_trial_user.
    Every period has a company row (zeros when nobody started a trial); a signup source has a row
    where its users started trials. -#}

{%- set window_days = checked_var('trial_user_revenue_window_days', minimum=0) %}

with

product_users as (

    select * from {{ ref('fct_product_users') }}

),

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

billed_revenue as (

    select * from {{ ref('int_billed_revenue_listed') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

trial_users as (

    {#- The customer's first trial user (ties by user id) is the one its revenue is credited to,
        so a workspace with two trial users does not count its revenue twice. -#}
    select
        product_user_id,
        customer_id,
        signup_source,
        signup_date,
        case
            when customer_id is null then 0
            when row_number() over (partition by customer_id order by signup_at, product_user_id) = 1 then 1
            else 0
        end as is_first_trial_user

    from product_users
    where signup_type = 'trial'

),

first_paid_months as (

    select
        customer_id,
        month_start_date as first_paid_month_start_date

    from customer_months
    where movement_type = 'new'

),

converting_trial_users as (

    {#- The trial users credited with their customer's conversion: its first trial user, the first
        paying month starting between the signup's month and the window's end. -#}
    select
        trial_users.product_user_id,
        trial_users.customer_id,
        trial_users.signup_date,
        cast({{ dbt.dateadd('day', window_days, 'trial_users.signup_date') }} as date) as window_end_date

    from trial_users
    inner join first_paid_months
        on trial_users.customer_id = first_paid_months.customer_id
    where
        trial_users.is_first_trial_user = 1
        and first_paid_months.first_paid_month_start_date >= {{ dbt.date_trunc('month', 'trial_users.signup_date') }}
        and first_paid_months.first_paid_month_start_date
        <= {{ dbt.dateadd('day', window_days, 'trial_users.signup_date') }}

),

converted_revenue as (

    {#- Paid invoices' lines (and refunds of them) dated from the signup day to the window's end;
        open and uncollectible invoices are billed but not revenue received. -#}
    select
        converting_trial_users.product_user_id,
        coalesce(sum(billed_revenue.revenue_amount), 0) as billed_revenue

    from converting_trial_users
    left join billed_revenue
        on
            converting_trial_users.customer_id = billed_revenue.customer_id
            and converting_trial_users.signup_date <= billed_revenue.revenue_date
            and converting_trial_users.window_end_date >= billed_revenue.revenue_date
            and billed_revenue.invoice_status = 'paid'
    group by converting_trial_users.product_user_id

),

trial_user_outcomes as (

    select
        trial_users.signup_date,
        trial_users.signup_source,
        case
            when {{ dbt.dateadd('day', window_days, 'trial_users.signup_date') }} <= bounds.as_of_date then 1 else 0
        end as is_decided,
        case when converted_revenue.product_user_id is null then 0 else 1 end as is_converted,
        cast(coalesce(converted_revenue.billed_revenue, 0) as decimal(38, 14)) as converted_billed_revenue

    from trial_users
    cross join bounds
    left join converted_revenue
        on trial_users.product_user_id = converted_revenue.product_user_id

),

trial_users_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        trial_user_outcomes.signup_source,
        trial_user_outcomes.is_decided,
        trial_user_outcomes.is_decided * trial_user_outcomes.converted_billed_revenue as decided_billed_revenue,
        trial_user_outcomes.is_decided * trial_user_outcomes.is_converted as is_decided_converted

    from trial_user_outcomes
    inner join reporting_periods
        on trial_user_outcomes.signup_date between reporting_periods.period_start and reporting_periods.period_last_date

),

trial_users_by_dimension as (

    {{ unpivot_dimensions('trial_users_in_periods', ['signup_source']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as trial_signups,
        sum(is_decided) as decided_trial_signups,
        sum(is_decided_converted) as converted_trial_signups,
        {{ round_to_scale('sum(decided_billed_revenue)', 2) }} as trial_billed_revenue

    from trial_users_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['trial_signups', 'decided_trial_signups', 'converted_trial_signups', 'trial_billed_revenue'],
    data_types={'trial_billed_revenue': 'decimal(38, 2)'},
) }}
