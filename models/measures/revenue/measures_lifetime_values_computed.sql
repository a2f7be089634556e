{#- Customer lifetime value and its two parts per period (month, quarter, year) and breakdown:
    ARPA × gross margin ÷ the pooled monthly customer churn rate of the trailing window ending at
    the month (var `ltv_churn_window_months`). Quarters and years take their last month's values
    (end of period). Read by customer_lifetime_value. -#}
{%- set gross_margin = checked_var('gross_margin', above=0, maximum=1, whole_number=false) -%}
{%- set window_months = checked_var('ltv_churn_window_months', minimum=1) -%}

with

windowed_measures as (

    select * from {{ ref('measures_revenue_windowed') }}
    where window_months = {{ window_months }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

monthly_values as (

    {#- The value is one division of the underlying sums, closing MRR × margin × window opening
        customers ÷ (closing customers × window churned customers), so it carries no rounding of
        the rounded parts shown beside it. Null when ARPA is undefined (no
        customers at month-end), when the window is incomplete or had no customers, and when
        no customer churned in it (an infinite lifetime is no value). Dividends are cast to a
        decimal(30, 6) (exact for a margin of up to 4 decimals: MRR has cents) so that Spark keeps 14
        decimals in the quotient instead of cutting a decimal(38, x) quotient to 6. -#}
    select
        month_start_date,
        dimension,
        dimension_value,
        case
            when
                closing_customers > 0
                and is_window_complete
                and trailing_churned_customers > 0
                then {{ round_to_scale(divided(
                    'closing_mrr * ' ~ gross_margin ~ ' * trailing_opening_customers',
                    'closing_customers * trailing_churned_customers'), 10) }}
        end as customer_lifetime_value,
        case
            when closing_customers > 0
                then {{ round_to_scale(divided('closing_mrr * ' ~ gross_margin, 'closing_customers'), 10) }}
        end as gross_margin_arpa,
        case
            when is_window_complete and trailing_opening_customers > 0
                then {{ round_to_scale(divided('trailing_churned_customers', 'trailing_opening_customers'), 10) }}
        end as trailing_customer_churn_rate

    from windowed_measures

),

final as (

    {#- A month is its own last month; a quarter or year takes its last month's row (the as-of
        month for the current one). -#}
    select
        periods.period_grain,
        periods.period_start,
        monthly_values.dimension,
        monthly_values.dimension_value,
        monthly_values.customer_lifetime_value,
        monthly_values.gross_margin_arpa,
        monthly_values.trailing_customer_churn_rate

    from periods
    inner join monthly_values
        on periods.period_last_month_start = monthly_values.month_start_date

)

select * from final
