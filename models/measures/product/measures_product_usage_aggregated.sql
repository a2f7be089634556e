{#- Product usage per period (month, quarter, year) and breakdown (the user's signup type and
    source): active user-days (a user counts once per day with an event), distinct active users and
    the days of the period up to the as-of date. The measures of daily_active_users,
    monthly_active_users and stickiness. Every period has a company row (zero activity over its
    days); a breakdown value has a row in the periods its users were active. -#}

with

user_days as (

    select * from {{ ref('fct_product_usage_daily') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

user_days_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        user_days.product_user_id,
        user_days.signup_type,
        user_days.signup_source

    from user_days
    inner join reporting_periods
        on user_days.activity_date between reporting_periods.period_start and reporting_periods.period_last_date

),

user_days_by_dimension as (

    {{ unpivot_dimensions('user_days_in_periods', ['signup_type', 'signup_source']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as active_user_days,
        count(distinct product_user_id) as active_users

    from user_days_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

row_keys as (

    {{ period_row_keys('aggregated', 'reporting_periods') }}

),

final as (

    {#- The days divide even a period without activity, so its daily active users are 0, not
        unknown. -#}
    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        cast(coalesce(aggregated.active_user_days, 0) as {{ dbt.type_bigint() }}) as active_user_days,
        cast(coalesce(aggregated.active_users, 0) as {{ dbt.type_bigint() }}) as active_users,
        cast(
            {{ dbt.datediff('reporting_periods.period_start', 'reporting_periods.period_last_date', 'day') }} + 1
            as {{ dbt.type_int() }}
        ) as period_days

    from row_keys
    inner join reporting_periods
        on
            row_keys.period_grain = reporting_periods.period_grain
            and row_keys.period_start = reporting_periods.period_start
    left join aggregated
        on {{ kpi_row_join('row_keys', 'aggregated') }}

)

select * from final
