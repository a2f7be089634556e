{#- Active users and licensed seats of the go-to-market tools per reporting period (month,
    quarter, year) and breakdown (tool), pooled over all tools for the company row, from the
    end-of-period figures of int_tool_adoptions_snapshotted. Every period has a company row (zeros
    when no tool reported that month); tool rows exist where the tool reported. -#}

with

tool_adoptions as (

    select * from {{ ref('int_tool_adoptions_snapshotted') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

tool_adoptions_by_dimension as (

    {{ unpivot_dimensions('tool_adoptions', ['tool']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(active_users) as active_users,
        sum(licensed_users) as licensed_users

    from tool_adoptions_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['active_users', 'licensed_users']) }}
