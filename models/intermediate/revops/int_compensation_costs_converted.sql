{#- Compensation cost per month and department in the reporting currency (seed 001's "number of
    employees x average salary + commissions"): the headcount plan's employees x average monthly
    salary, converted at the month's FX rate and rounded to the cent, and the ledger's commission
    lines of the month (int_gl_expenses_converted). A month and department with either has a row;
    an amount without a rate is null and counted. -#}

with

headcount as (

    select * from {{ ref('stg_revops__headcount') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

gl_expenses as (

    select * from {{ ref('int_gl_expenses_converted') }}

),

salary_costs as (

    select
        headcount.month_start_date,
        headcount.department,
        headcount.employees,
        {{ round_to_scale(convert_currency('headcount.employees * headcount.average_monthly_salary', 'fx_rates.rate_to_reporting_currency'), 2) }}
            as salary_cost

    from headcount
    left join fx_rates
        on
            headcount.month_start_date = fx_rates.month_start_date
            and headcount.currency_code = fx_rates.currency_code

),

commissions as (

    select
        month_start_date,
        department,
        {{ round_to_scale('sum(amount_in_reporting_currency)', 2) }} as commissions,
        sum(case when amount_in_reporting_currency is null then 1 else 0 end) as commissions_without_fx_rate

    from gl_expenses
    where expense_category = 'commissions'
    group by
        month_start_date,
        department

),

final as (

    select
        coalesce(salary_costs.month_start_date, commissions.month_start_date) as month_start_date,
        coalesce(salary_costs.department, commissions.department) as department,
        salary_costs.employees,
        salary_costs.salary_cost,
        commissions.commissions,
        cast(
            case when salary_costs.department is not null and salary_costs.salary_cost is null then 1 else 0 end
            + coalesce(commissions.commissions_without_fx_rate, 0)
            as {{ dbt.type_bigint() }}
        ) as amounts_without_fx_rate

    from salary_costs
    full outer join commissions
        on
            salary_costs.month_start_date = commissions.month_start_date
            and salary_costs.department = commissions.department

)

select * from final
