{#- Activated paying customers per entry period (month, quarter, year) and breakdown (plan tier,
    segment and region in the entry month), and of the decided ones those that expanded: a
    customer is activated when one of its product users first reaches a key value action
    (fct_product_users); it enters in the first month, from its activation month on, in which it
    pays (fct_customer_mrr_monthly). It expands when an expansion month follows within var
    activation_expansion_window_months after the entry month, and is decided once that window has
    ended by the as-of date. The measures of activation_to_expansion_rate. Every period has a
    company row (zeros when no customer entered); a breakdown value has a row where its customers
    entered. -#}

{%- set window_months = checked_var('activation_expansion_window_months', minimum=1) %}

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

customer_activations as (

    select
        customer_id,
        cast({{ dbt.date_trunc('month', to_reporting_date('min(first_value_action_at)')) }} as date)
            as activation_month_start_date

    from product_users
    where
        customer_id is not null
        and first_value_action_at is not null
    group by customer_id

),

entry_months as (

    select
        customer_months.customer_id,
        min(customer_months.month_start_date) as entry_month_start_date

    from customer_months
    inner join customer_activations
        on
            customer_months.customer_id = customer_activations.customer_id
            and customer_months.month_start_date >= customer_activations.activation_month_start_date
    where customer_months.is_paying
    group by customer_months.customer_id

),

entries as (

    select
        entry_months.customer_id,
        entry_months.entry_month_start_date,
        customer_months.plan_tier,
        customer_months.customer_segment,
        customer_months.region,
        cast({{ dbt.dateadd('month', window_months, 'entry_months.entry_month_start_date') }} as date)
            as window_last_month_start_date

    from entry_months
    inner join customer_months
        on
            entry_months.customer_id = customer_months.customer_id
            and entry_months.entry_month_start_date = customer_months.month_start_date

),

expansions as (

    select
        customer_id,
        month_start_date as expansion_month_start_date

    from customer_months
    where movement_type = 'expansion'

),

outcomes as (

    {#- Decided when the window's last month has ended by the as-of date. -#}
    select
        entries.customer_id,
        entries.entry_month_start_date,
        entries.plan_tier,
        entries.customer_segment,
        entries.region,
        max(case when expansions.customer_id is not null then 1 else 0 end) as has_expanded,
        max(
            case
                when {{ dbt.dateadd('month', 1, 'entries.window_last_month_start_date') }} <= {{ dbt.dateadd('day', 1, 'bounds.as_of_date') }}
                    then 1
                else 0
            end
        ) as is_decided

    from entries
    cross join bounds
    left join expansions
        on
            entries.customer_id = expansions.customer_id
            and entries.entry_month_start_date < expansions.expansion_month_start_date
            and entries.window_last_month_start_date >= expansions.expansion_month_start_date
    group by
        entries.customer_id,
        entries.entry_month_start_date,
        entries.plan_tier,
        entries.customer_segment,
        entries.region

),

outcomes_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        outcomes.*

    from outcomes
    inner join reporting_periods
        on outcomes.entry_month_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

outcomes_by_dimension as (

    {{ unpivot_dimensions('outcomes_in_periods', ['plan_tier', 'customer_segment', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as activated_customers,
        sum(is_decided) as decided_activated_customers,
        sum(is_decided * has_expanded) as expanded_activated_customers

    from outcomes_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['activated_customers', 'decided_activated_customers', 'expanded_activated_customers'],
) }}
