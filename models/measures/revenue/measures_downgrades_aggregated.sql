{#- Downgrades per downgrade period (month, quarter, year) and breakdown (plan tier, segment and
    region in the downgrade month), with what followed: a downgrade is a customer's contraction
    month (fct_customer_mrr_monthly); it converts to churn when the customer churns in one of the
    var downgrade_churn_window_months months after it, and is decided once that window has ended by
    the as-of date. The measures of downgrade_to_churn_rate. Every period has a company row (zeros
    when nobody downgraded); a breakdown value has a row where its customers downgraded. -#}

{%- set window_months = checked_var('downgrade_churn_window_months', minimum=1) %}

with

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

downgrades as (

    select
        customer_id,
        month_start_date as downgrade_month_start_date,
        plan_tier,
        customer_segment,
        region,
        cast({{ dbt.dateadd('month', window_months, 'month_start_date') }} as date) as window_last_month_start_date

    from customer_months
    where movement_type = 'contraction'

),

churns as (

    select
        customer_id,
        month_start_date as churn_month_start_date

    from customer_months
    where movement_type = 'churn'

),

outcomes as (

    {#- Decided when the window's last month has ended by the as-of date: a churn recorded later
        than that cannot change the outcome any more. -#}
    select
        downgrades.customer_id,
        downgrades.downgrade_month_start_date,
        downgrades.plan_tier,
        downgrades.customer_segment,
        downgrades.region,
        max(case when churns.customer_id is not null then 1 else 0 end) as has_churned,
        max(
            case
                when {{ dbt.dateadd('month', 1, 'downgrades.window_last_month_start_date') }} <= {{ dbt.dateadd('day', 1, 'bounds.as_of_date') }}
                    then 1
                else 0
            end
        ) as is_decided

    from downgrades
    cross join bounds
    left join churns
        on
            downgrades.customer_id = churns.customer_id
            and downgrades.downgrade_month_start_date < churns.churn_month_start_date
            and downgrades.window_last_month_start_date >= churns.churn_month_start_date
    group by
        downgrades.customer_id,
        downgrades.downgrade_month_start_date,
        downgrades.plan_tier,
        downgrades.customer_segment,
        downgrades.region

),

outcomes_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        outcomes.*

    from outcomes
    inner join reporting_periods
        on outcomes.downgrade_month_start_date between reporting_periods.period_start and reporting_periods.period_last_date

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
        count(*) as downgrades,
        sum(is_decided) as decided_downgrades,
        sum(is_decided * has_churned) as churned_downgrades

    from outcomes_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['downgrades', 'decided_downgrades', 'churned_downgrades']) }}
