{#- Revenue retention cohorts: one row per customer paying in a cohort month and per later month
    one to twelve months on (up to the as-of month), with the customer's MRR then and now. "Now" is
    valued at the cohort month's exchange rates (constant currency), so a move in a rate alone never
    changes retention. The breakdown attributes are the cohort month's, so a customer stays in the
    breakdown it started in. Every revenue retention KPI (net, gross, one-month) sums these rows.
    Twelve months is the longest lag any of them needs: the twelve-month forms, and a year of the
    one-month form (the payers of the month before the year, in its last month). -#}

{%- set max_lag_months = 12 -%}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

currency_months as (

    select * from {{ ref('int_customer_currency_months_snapshotted') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_listed') }}

),

months as (

    select period_start as month_start_date
    from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'month'

),

comparisons as (

    {#- The cohort: customers with MRR > 0 in the cohort month. A customer new since then is in no
        earlier cohort; a reactivated customer is in the cohorts of the months it paid in only. The
        later months come from the reporting periods, so none lies beyond the as-of month. -#}
    select
        customer_months.customer_id,
        customer_months.month_start_date as cohort_month_start_date,
        months.month_start_date,
        {{ dbt.datediff('customer_months.month_start_date', 'months.month_start_date', 'month') }} as lag_months,
        customer_months.plan_tier,
        customer_months.customer_segment,
        customer_months.region,
        customer_months.currency_code,
        customer_months.acquisition_channel,
        customer_months.mrr as cohort_mrr

    from customer_months
    inner join months
        on
            customer_months.month_start_date < months.month_start_date
            and months.month_start_date
            <= cast({{ dbt.dateadd('month', max_lag_months, 'customer_months.month_start_date') }} as date)
    where customer_months.is_paying

),

comparison_currencies as (

    {#- Every invoice currency the customer billed in, in the cohort month or in the later month. -#}
    select distinct
        comparisons.customer_id,
        comparisons.cohort_month_start_date,
        comparisons.month_start_date,
        currency_months.currency_code

    from comparisons
    inner join currency_months
        on
            comparisons.customer_id = currency_months.customer_id
            and currency_months.month_start_date in (comparisons.cohort_month_start_date, comparisons.month_start_date)

),

currency_values as (

    {#- The later month's MRR in the invoice currency, valued at the currency's effective rate in
        the cohort month: the reported MRR ÷ the MRR in the invoice currency of that customer and
        currency then (lines convert at their service start month's rate, so this is not the
        month's market rate). A currency the customer did not bill in then (or billed zero in)
        takes the cohort month's rate from int_fx_rates_listed. Rounded to the cent, so a customer
        whose MRR did not change in its own currency keeps its cohort MRR exactly. -#}
    select
        comparison_currencies.customer_id,
        comparison_currencies.cohort_month_start_date,
        comparison_currencies.month_start_date,
        comparison_currencies.currency_code,
        coalesce(later_months.mrr, 0) as current_mrr_reported,
        case
            when later_months.mrr_local is null then 0
            when cohort_currency_months.mrr_local != 0
                then {{ round_to_scale(divided(
                    'later_months.mrr_local * cohort_currency_months.mrr', 'cohort_currency_months.mrr_local'
                ), 2) }}
            else {{ round_to_scale(convert_currency('later_months.mrr_local', 'cohort_rates.rate_to_reporting_currency'), 2) }}
        end as current_mrr

    from comparison_currencies
    left join currency_months as cohort_currency_months
        on
            comparison_currencies.customer_id = cohort_currency_months.customer_id
            and comparison_currencies.currency_code = cohort_currency_months.currency_code
            and comparison_currencies.cohort_month_start_date = cohort_currency_months.month_start_date
    left join currency_months as later_months
        on
            comparison_currencies.customer_id = later_months.customer_id
            and comparison_currencies.currency_code = later_months.currency_code
            and comparison_currencies.month_start_date = later_months.month_start_date
    left join fx_rates as cohort_rates
        on
            comparison_currencies.currency_code = cohort_rates.currency_code
            and comparison_currencies.cohort_month_start_date = cohort_rates.month_start_date

),

customer_values as (

    {#- A currency without a rate for the cohort month makes the customer's value null (a not_null
        test fails) instead of silently dropping out of the sum. -#}
    select
        customer_id,
        cohort_month_start_date,
        month_start_date,
        case when count(current_mrr) = count(*) then sum(current_mrr) end as current_mrr,
        sum(current_mrr_reported) as current_mrr_reported

    from currency_values
    group by customer_id, cohort_month_start_date, month_start_date

),

final as (

    {#- A customer with no line in service in the later month (churned) counts 0: its cohort
        currency is still listed, with no later MRR. The capped value never exceeds the cohort MRR,
        so expansion cannot lift gross retention. -#}
    select
        -- keys
        comparisons.customer_id,
        comparisons.cohort_month_start_date,
        comparisons.month_start_date,
        comparisons.lag_months,

        -- attributes as of the cohort month
        comparisons.plan_tier,
        comparisons.customer_segment,
        comparisons.region,
        comparisons.currency_code,
        comparisons.acquisition_channel,

        -- amounts (reporting currency)
        comparisons.cohort_mrr,
        cast(customer_values.current_mrr as decimal(38, 2)) as current_mrr,
        cast(case
            when customer_values.current_mrr > comparisons.cohort_mrr then comparisons.cohort_mrr
            else customer_values.current_mrr
        end as decimal(38, 2)) as current_mrr_capped,
        cast(customer_values.current_mrr_reported as decimal(38, 2)) as current_mrr_reported

    from comparisons
    left join customer_values
        on
            comparisons.customer_id = customer_values.customer_id
            and comparisons.cohort_month_start_date = customer_values.cohort_month_start_date
            and comparisons.month_start_date = customer_values.month_start_date

)

select * from final
