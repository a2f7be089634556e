{#- Every general-ledger expense line with its amount in the reporting currency, converted at the
    rate of the month it was booked in and rounded to the cent; a missing rate leaves it null, so
    the measures that sum it can tell a month without spend from a month without a rate. -#}

with

gl_expenses as (

    select * from {{ ref('stg_revops__gl_expenses') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

final as (

    select
        gl_expenses.month_start_date,
        gl_expenses.department,
        gl_expenses.expense_category,
        gl_expenses.currency_code,
        gl_expenses.amount,
        {{ round_to_scale(convert_currency('gl_expenses.amount', 'fx_rates.rate_to_reporting_currency'), 2) }}
            as amount_in_reporting_currency

    from gl_expenses
    left join fx_rates
        on
            gl_expenses.month_start_date = fx_rates.month_start_date
            and gl_expenses.currency_code = fx_rates.currency_code

)

select * from final
