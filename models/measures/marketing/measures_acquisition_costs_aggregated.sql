{#- What the company spent to win customers and the customers it won, per period (month, quarter,
    year): sales and marketing GL expenses in the reporting currency (moved forward by var
    `cac_expense_lag_months`) and the new paying customers with their first-month MRR and its
    gross profit (× var `gross_margin`). The one
    place the arithmetic of cac, cac_payback_months and ltv_to_cac lives; the KPI models only
    divide these columns. -#}
{%- set expense_lag_months = checked_var('cac_expense_lag_months', minimum=0) -%}
{%- set gross_margin = checked_var('gross_margin', above=0, maximum=1, whole_number=false) -%}

with

gl_expenses as (

    select * from {{ ref('int_gl_expenses_converted') }}

),

new_customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}
    where movement_type = 'new'

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

months as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'month'

),

acquisition_expenses as (

    {#- Sales and marketing expenses of every category, converted at the rate of the month they
        were booked in, and attributed to the month `cac_expense_lag_months` later: with a lag of
        1, January's spend buys February's customers. A missing rate leaves the amount null. -#}
    select
        gl_expenses.month_start_date as expense_month_start_date,
        cast({{ dbt.dateadd('month', expense_lag_months, 'gl_expenses.month_start_date') }} as date)
            as attributed_month_start_date,
        gl_expenses.amount_in_reporting_currency as amount

    from gl_expenses
    where gl_expenses.department in ('sales', 'marketing')

),

ledger_months as (

    {#- Months the ledger has been booked for: any row, of any department. A month without one is
        unknown (before the ledger starts, or not closed yet), not a month without spend. -#}
    select distinct
        cast({{ dbt.dateadd('month', expense_lag_months, 'month_start_date') }} as date)
            as attributed_month_start_date
    from gl_expenses

),

monthly_spend as (

    select
        attributed_month_start_date,
        sum(amount) as acquisition_spend,
        sum(case when amount is null then 1 else 0 end) as expenses_without_fx_rate

    from acquisition_expenses
    group by attributed_month_start_date

),

monthly_new_customers as (

    select
        month_start_date,
        count(*) as new_customers,
        sum(new_mrr) as new_customer_mrr

    from new_customer_months
    group by month_start_date

),

period_months as (

    {#- Each period's months, up to its last month (the as-of month for the current period). -#}
    select
        periods.period_grain,
        periods.period_start,
        months.period_start as month_start_date

    from periods
    inner join months
        on months.period_start between periods.period_start and periods.period_last_month_start

),

period_totals as (

    select
        period_months.period_grain,
        period_months.period_start,
        count(*) as months_in_period,
        sum(case when ledger_months.attributed_month_start_date is not null then 1 else 0 end)
            as months_with_ledger,
        sum(coalesce(monthly_spend.acquisition_spend, 0)) as acquisition_spend,
        sum(coalesce(monthly_spend.expenses_without_fx_rate, 0)) as expenses_without_fx_rate,
        sum(coalesce(monthly_new_customers.new_customers, 0)) as new_customers,
        sum(coalesce(monthly_new_customers.new_customer_mrr, 0)) as new_customer_mrr

    from period_months
    left join ledger_months
        on period_months.month_start_date = ledger_months.attributed_month_start_date
    left join monthly_spend
        on period_months.month_start_date = monthly_spend.attributed_month_start_date
    left join monthly_new_customers
        on period_months.month_start_date = monthly_new_customers.month_start_date
    group by period_months.period_grain, period_months.period_start

),

final as (

    {#- Company level only (spend cannot be split by segment): the one breakdown is `all`. -#}
    select
        period_grain,
        period_start,
        'all' as dimension,
        'all' as dimension_value,
        cast(
            case
                when months_with_ledger = months_in_period and expenses_without_fx_rate = 0
                    then acquisition_spend
            end as decimal(38, 2)
        ) as acquisition_spend,
        cast(expenses_without_fx_rate as integer) as expenses_without_fx_rate,
        cast(new_customers as integer) as new_customers,
        cast(new_customer_mrr as decimal(38, 2)) as new_customer_mrr,
        {#- Exact for a margin of up to 4 decimals (MRR has cents). -#}
        cast(cast(new_customer_mrr as decimal(38, 2)) * {{ gross_margin }} as decimal(38, 6)) as new_customer_gross_profit

    from period_totals

)

select * from final
