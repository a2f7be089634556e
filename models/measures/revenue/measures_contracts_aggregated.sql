{#- The measures of `average_contract_value`, per period (month, quarter, year) and breakdown, at
    the period's last month-end: the ARR (month-end MRR × 12 of `fct_customer_mrr_monthly`) and the
    active contracts, the billing subscriptions paying at that month-end (their recurring lines in
    service at the snapshot date add up to more than zero MRR; `int_subscription_lines_normalized`).
    A customer's contracts count in its breakdown values of that month. The company total has a row
    in every period (zeros when nobody pays); a breakdown value has rows in the periods its
    customers pay at the end of. -#}

with

lines as (

    select * from {{ ref('int_subscription_lines_normalized') }}

),

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

month_ends as (

    select
        period_start as month_start_date,
        period_last_date as snapshot_date
    from periods
    where period_grain = 'month'

),

paying_subscriptions as (

    {#- A subscription is an active contract at a month-end when its lines in service at the
        snapshot date (as in the MRR snapshot: start <= snapshot date < end) add up to positive
        MRR. -#}
    select
        lines.customer_id,
        lines.subscription_id,
        month_ends.month_start_date

    from lines
    inner join month_ends
        on
            lines.service_start_date <= month_ends.snapshot_date
            and lines.service_end_date > month_ends.snapshot_date
    group by lines.customer_id, lines.subscription_id, month_ends.month_start_date
    having sum(lines.mrr_local) > 0

),

customer_contracts as (

    select
        customer_id,
        month_start_date,
        count(*) as active_contracts

    from paying_subscriptions
    group by customer_id, month_start_date

),

paying_customer_months as (

    select
        customer_months.customer_id,
        customer_months.month_start_date,
        customer_months.plan_tier,
        customer_months.customer_segment,
        customer_months.region,
        customer_months.currency_code,
        customer_months.acquisition_channel,
        customer_months.mrr,
        coalesce(customer_contracts.active_contracts, 0) as active_contracts

    from customer_months
    left join customer_contracts
        on
            customer_months.customer_id = customer_contracts.customer_id
            and customer_months.month_start_date = customer_contracts.month_start_date
    where customer_months.is_paying

),

customer_month_dimensions as (

    {{ unpivot_dimensions('paying_customer_months', ['plan_tier', 'customer_segment', 'region', 'currency_code', 'acquisition_channel']) }}

),

period_sums as (

    select
        periods.period_grain,
        periods.period_start,
        customer_month_dimensions.dimension,
        customer_month_dimensions.dimension_value,
        cast(sum(customer_month_dimensions.mrr) * 12 as decimal(38, 2)) as closing_arr,
        sum(customer_month_dimensions.active_contracts) as active_contracts

    from customer_month_dimensions
    inner join periods
        on customer_month_dimensions.month_start_date = periods.period_last_month_start
    group by
        periods.period_grain,
        periods.period_start,
        customer_month_dimensions.dimension,
        customer_month_dimensions.dimension_value

),

{{ measures_rows_for_every_period('period_sums', 'periods', ['closing_arr', 'active_contracts'], data_types={'closing_arr': 'decimal(38, 2)'}) }}
