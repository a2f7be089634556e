{#- Operating expenses per period (month, quarter, year) and breakdown (department, expense
    category): the GL expenses of every department in the reporting currency, each at its booking
    month's rate (int_gl_expenses_converted), the expenses without a rate, and how many of the
    period's months the ledger has been booked for. The measures of opex. Every period has a
    company row; a breakdown value has a row where it has expenses. -#}

with

gl_expenses as (

    select * from {{ ref('int_gl_expenses_converted') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

expenses_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        gl_expenses.month_start_date,
        gl_expenses.department,
        gl_expenses.expense_category,
        gl_expenses.amount_in_reporting_currency,
        case when gl_expenses.amount_in_reporting_currency is null then 1 else 0 end as is_without_fx_rate

    from gl_expenses
    inner join reporting_periods
        on gl_expenses.month_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

expenses_by_dimension as (

    {{ unpivot_dimensions('expenses_in_periods', ['department', 'expense_category']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(amount_in_reporting_currency) as operating_expenses,
        sum(is_without_fx_rate) as expenses_without_fx_rate

    from expenses_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

booked_months as (

    {#- A month without any ledger row is not booked yet (or before the ledger starts): unknown,
        not a month without expenses. Counted for the whole ledger, so a category without spend
        in a booked month is 0 in it. -#}
    select
        period_grain,
        period_start,
        count(distinct month_start_date) as booked_months

    from expenses_in_periods
    group by
        period_grain,
        period_start

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
        cast(coalesce(aggregated.operating_expenses, 0) as decimal(38, 2)) as operating_expenses,
        cast(coalesce(aggregated.expenses_without_fx_rate, 0) as {{ dbt.type_bigint() }}) as expenses_without_fx_rate,
        cast(coalesce(booked_months.booked_months, 0) as {{ dbt.type_bigint() }}) as booked_months,
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
    left join booked_months
        on
            row_keys.period_grain = booked_months.period_grain
            and row_keys.period_start = booked_months.period_start

)

select * from final
