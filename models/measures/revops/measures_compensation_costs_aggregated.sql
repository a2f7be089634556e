{#- Compensation cost per period (month, quarter, year) and breakdown (department): the planned
    salaries (employees x average monthly salary) and the booked commissions in the reporting
    currency (int_compensation_costs_converted), the amounts without an FX rate, how many of the
    period's months the headcount plan and the ledger cover, and the period's months. The measures
    of compensation_cost. Every period has a company row; a department has a row where it has a
    plan or commissions. -#}

with

compensation_costs as (

    select * from {{ ref('int_compensation_costs_converted') }}

),

gl_expenses as (

    select * from {{ ref('int_gl_expenses_converted') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

costs_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        compensation_costs.month_start_date,
        compensation_costs.department,
        compensation_costs.salary_cost,
        compensation_costs.commissions,
        compensation_costs.amounts_without_fx_rate,
        case when compensation_costs.employees is not null then compensation_costs.month_start_date end
            as planned_month_start_date

    from compensation_costs
    inner join reporting_periods
        on compensation_costs.month_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

costs_by_dimension as (

    {{ unpivot_dimensions('costs_in_periods', ['department']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(salary_cost) as salary_costs,
        sum(commissions) as commissions,
        sum(amounts_without_fx_rate) as amounts_without_fx_rate

    from costs_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

covered_months as (

    {#- A month is planned when the headcount plan has any row for it and booked when the ledger
        has any row (of any category) for it, counted for the whole plan and ledger as opex
        counts booked months: a department without commissions in a booked month has 0. -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        count(distinct plan_months.planned_month_start_date) as planned_months,
        count(distinct gl_expenses.month_start_date) as booked_months

    from reporting_periods
    left join costs_in_periods as plan_months
        on
            reporting_periods.period_grain = plan_months.period_grain
            and reporting_periods.period_start = plan_months.period_start
    left join gl_expenses
        on gl_expenses.month_start_date between reporting_periods.period_start and reporting_periods.period_last_date
    group by
        reporting_periods.period_grain,
        reporting_periods.period_start

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
        cast(coalesce(aggregated.salary_costs, 0) as decimal(38, 2)) as salary_costs,
        cast(coalesce(aggregated.commissions, 0) as decimal(38, 2)) as commissions,
        cast(coalesce(aggregated.amounts_without_fx_rate, 0) as {{ dbt.type_bigint() }}) as amounts_without_fx_rate,
        cast(covered_months.planned_months as {{ dbt.type_bigint() }}) as planned_months,
        cast(covered_months.booked_months as {{ dbt.type_bigint() }}) as booked_months,
        cast(
            {{ dbt.datediff('reporting_periods.period_start', 'reporting_periods.period_last_month_start', 'month') }} + 1
            as {{ dbt.type_bigint() }}
        ) as period_months

    from row_keys
    inner join reporting_periods
        on
            row_keys.period_grain = reporting_periods.period_grain
            and row_keys.period_start = reporting_periods.period_start
    left join aggregated
        on {{ kpi_row_join('row_keys', 'aggregated') }}
    inner join covered_months
        on
            row_keys.period_grain = covered_months.period_grain
            and row_keys.period_start = covered_months.period_start

)

select * from final
