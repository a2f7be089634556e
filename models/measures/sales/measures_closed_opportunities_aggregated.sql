{#- The closed-deal measures the win rate, deal size and sales cycle KPIs are computed from, per
    period (month, quarter, year of the close date) and breakdown: closed and won deals, their
    amounts in the reporting currency, the summed and the median sales cycle of won deals. Every
    period has a company row (zeros, and a null median, when nothing closed). One place for which
    opportunities count; the KPI models only name and divide these columns. -#}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

closed_opportunities as (

    {#- Renewals never count. Breakdown columns are named after their KPI dimension. -#}
    select
        opportunity_id,
        opportunity_type,
        owner_user_id as rep,
        team_name as team,
        customer_segment,
        region,
        lead_source_channel,
        close_date,
        is_won,
        amount,
        sales_cycle_days

    from opportunities
    where
        is_closed
        and {{ is_new_revenue_opportunity('opportunity_type') }}

),

closes_in_periods as (

    select
        periods.period_grain,
        periods.period_start,
        closed_opportunities.*

    from closed_opportunities
    inner join periods
        on closed_opportunities.close_date between periods.period_start and periods.period_last_date

),

closes_by_dimension as (

    {{ unpivot_dimensions('closes_in_periods', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region', 'lead_source_channel']) }}

),

counted_closes as (

    {#- The company total and every breakdown but opportunity_type count new business only;
        expansion deals appear only in their own opportunity_type row. -#}
    select * from closes_by_dimension
    where {{ is_per_deal_rate_row('dimension', 'opportunity_type') }}

),

median_cycles as (

    {{ kpi_median('counted_closes', 'sales_cycle_days', 'is_won and sales_cycle_days is not null') }}

),

period_sums as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as closed_deals,
        sum(case when is_won then 1 else 0 end) as won_deals,
        sum(case when amount is not null then 1 else 0 end) as closed_deals_with_amount,
        sum(case when is_won and amount is not null then 1 else 0 end) as won_deals_with_amount,
        sum(case when is_won and sales_cycle_days is not null then 1 else 0 end) as won_deals_with_sales_cycle,
        cast(coalesce(sum(amount), 0) as decimal(38, 2)) as closed_amount,
        cast(coalesce(sum(case when is_won then amount end), 0) as decimal(38, 2)) as won_amount,
        coalesce(sum(case when is_won then sales_cycle_days end), 0) as won_sales_cycle_days

    from counted_closes
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

period_measures as (

    select
        period_sums.*,
        cast(median_cycles.median_value as decimal(38, 6)) as median_won_sales_cycle_days

    from period_sums
    left join median_cycles
        on {{ kpi_row_join('period_sums', 'median_cycles') }}

),

{{ measures_rows_for_every_period(
    'period_measures',
    'periods',
    ['closed_deals', 'won_deals', 'closed_deals_with_amount', 'won_deals_with_amount', 'won_deals_with_sales_cycle', 'closed_amount', 'won_amount', 'won_sales_cycle_days'],
    statistics=['median_won_sales_cycle_days'],
    data_types={'closed_amount': 'decimal(38, 2)', 'won_amount': 'decimal(38, 2)'}
) }}
