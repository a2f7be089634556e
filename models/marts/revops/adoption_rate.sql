{#- Tool adoption rate (seed 001): monthly active users ÷ licensed seats of the go-to-market tools,
    per tool and pooled over all tools; a quarter or year reports its last month. -#}

with

tool_adoption as (

    select * from {{ ref('stg_revops__tool_adoption') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

tool_months_in_periods as (

    {#- end_of_period: each period takes the tools' figures of its last month. -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        tool_adoption.tool_name as tool,
        tool_adoption.active_users,
        tool_adoption.licensed_users

    from tool_adoption
    inner join reporting_periods
        on tool_adoption.month_start_date = reporting_periods.period_last_month_start

),

tool_months_by_dimension as (

    {{ unpivot_dimensions('tool_months_in_periods', ['tool']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(active_users) as active_users,
        sum(licensed_users) as licensed_users

    from tool_months_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', 'active_users', 'licensed_users') }}
