{#- The measures of `revenue_per_sales_rep`, one company row per period (month, quarter, year):
    the billed revenue of the period (`measures_run_rate_aggregated`, recurring and one-time, ex
    tax, net of refunds, reporting currency; null when some of it could not be converted) and the
    sales reps active in it (`dim_reps` with a role in var `sales_rep_roles`, quota-carrying or
    not). -#}
{%- set rep_roles = checked_string_list_var('sales_rep_roles', '[a-z_]+', 'account_executive') %}

with

revenue as (

    select * from {{ ref('measures_run_rate_aggregated') }}
    where
        dimension = 'all'
        and {{ period_grain_in(['month', 'quarter', 'year']) }}

),

reps as (

    select * from {{ ref('dim_reps') }}
    where user_role in ({{ sql_string_list(rep_roles) }})

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

active_reps as (

    {#- Active in a period as in sales_productivity: hired on or before its last day and not
        terminated before its first day. -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        count(*) as active_sales_reps

    from reps
    inner join reporting_periods
        on
            reps.hired_date <= reporting_periods.period_last_date
            and (reps.terminated_date is null or reps.terminated_date >= reporting_periods.period_start)
    group by reporting_periods.period_grain, reporting_periods.period_start

),

final as (

    select
        revenue.period_grain,
        revenue.period_start,
        revenue.dimension,
        revenue.dimension_value,
        revenue.billed_revenue,
        coalesce(active_reps.active_sales_reps, 0) as active_sales_reps

    from revenue
    left join active_reps
        on
            revenue.period_grain = active_reps.period_grain
            and revenue.period_start = active_reps.period_start

)

select * from final
