{#- The go-to-market tools' adoption figures each reporting period (month, quarter, year) reports:
    one row per period and tool with the active and licensed users of the period's last month
    (end of period: a quarter or year takes its last month, the current one the as-of month). -#}

with

tool_adoption as (

    select * from {{ ref('stg_revops__tool_adoption') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

final as (

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

)

select * from final
