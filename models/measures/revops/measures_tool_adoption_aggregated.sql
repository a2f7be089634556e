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

row_keys as (

    {{ period_row_keys('aggregated', 'reporting_periods') }}

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        coalesce(aggregated.active_users, 0) as active_users,
        coalesce(aggregated.licensed_users, 0) as licensed_users

    from row_keys
    left join aggregated
        on {{ kpi_row_join('row_keys', 'aggregated') }}

)

select * from final
