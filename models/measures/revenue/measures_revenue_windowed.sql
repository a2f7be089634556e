{#- The monthly MRR measures summed over trailing windows: one row per month, breakdown and window
    length (the window lengths the forward-looking KPIs use: vars `ltv_churn_window_months` and
    `forecast_window_months`). The window of month m with length N is months m − N + 1 .. m. The one
    place the trailing-window arithmetic lives; the KPI models only pick a window and divide. -#}
{%- set window_lengths = [
    checked_var('ltv_churn_window_months', minimum=1),
    checked_var('forecast_window_months', minimum=1),
] | unique | list -%}

with

measures as (

    select * from {{ ref('measures_revenue_aggregated') }}
    where period_grain = 'month'

),

data_start as (

    {#- The first month of revenue data: the company's first month with a paying customer (the
        calendar, and so the company rows, may start earlier). Months before it are unknown, not
        zero: a window that reaches back before it is incomplete. -#}
    select min(period_start) as first_month_start_date
    from measures
    where dimension = 'all' and (opening_customers > 0 or closing_customers > 0)

),

windows as (

    {#- Each month row once per window length, with the first month of its window. -#}
    {%- for window_length in window_lengths %}
        select
            period_start as month_start_date,
            dimension,
            dimension_value,
            {{ window_length }} as window_months,
            cast({{ dbt.dateadd('month', 1 - window_length, 'period_start') }} as date) as window_start_date,
            closing_mrr,
            closing_customers
        from measures
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

window_sums as (

    {#- A range join on months, not a `rows` frame: a breakdown value without customers in a month
        has no row there, so N rows back need not be N months back. A missing month adds nothing,
        which is right: it had no customers and no movements. -#}
    select
        windows.month_start_date,
        windows.dimension,
        windows.dimension_value,
        windows.window_months,
        windows.window_start_date,
        windows.closing_mrr,
        windows.closing_customers,
        count(*) as months_with_rows,
        cast(sum(window_months.opening_mrr) as decimal(38, 2)) as trailing_opening_mrr,
        sum(window_months.opening_customers) as trailing_opening_customers,
        sum(window_months.churned_customers) as trailing_churned_customers,
        cast(sum(window_months.new_mrr) as decimal(38, 2)) as trailing_new_mrr,
        cast(sum(window_months.expansion_mrr) as decimal(38, 2)) as trailing_expansion_mrr,
        cast(sum(window_months.contraction_mrr) as decimal(38, 2)) as trailing_contraction_mrr,
        cast(sum(window_months.churned_mrr) as decimal(38, 2)) as trailing_churned_mrr,
        cast(sum(window_months.reactivation_mrr) as decimal(38, 2)) as trailing_reactivation_mrr

    from windows
    inner join measures as window_months
        on
            windows.dimension = window_months.dimension
            and windows.dimension_value = window_months.dimension_value
            and window_months.period_start between windows.window_start_date and windows.month_start_date
    group by
        windows.month_start_date,
        windows.dimension,
        windows.dimension_value,
        windows.window_months,
        windows.window_start_date,
        windows.closing_mrr,
        windows.closing_customers

),

final as (

    select
        -- keys
        window_sums.month_start_date,
        window_sums.dimension,
        window_sums.dimension_value,
        window_sums.window_months,

        -- window
        window_sums.window_start_date,
        coalesce(window_sums.window_start_date >= data_start.first_month_start_date, false) as is_window_complete,
        window_sums.months_with_rows,

        -- the month itself
        window_sums.closing_mrr,
        window_sums.closing_customers,

        -- sums over the window's months
        window_sums.trailing_opening_mrr,
        window_sums.trailing_opening_customers,
        window_sums.trailing_churned_customers,
        window_sums.trailing_new_mrr,
        window_sums.trailing_expansion_mrr,
        window_sums.trailing_contraction_mrr,
        window_sums.trailing_churned_mrr,
        window_sums.trailing_reactivation_mrr

    from window_sums
    cross join data_start

)

select * from final
