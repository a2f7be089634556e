{#- The measures pipeline velocity is computed from, per week, bi-week and month and breakdown: the
    opportunities open at the period's end (fct_pipeline_snapshots) and the closed deals of the
    trailing window of var `velocity_window_months` months ending on the period's last day
    (fct_opportunities): closed and won deals, won amount and won sales-cycle days. Longer than 200
    lines because the open and the closed side each need their own window and breakdown steps. -#}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

pipeline_snapshots as (

    select * from {{ ref('fct_pipeline_snapshots') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['week', 'biweek', 'month']) }}

),

periods as (

    {#- The window is the N months ending on the period's last day (the as-of date in the current
        period): a month's window is N whole calendar months, a week's the N months to its Sunday. -#}
    select
        period_grain,
        period_start,
        period_last_date,
        cast(
            {{ dbt.dateadd('month', -1 * checked_var('velocity_window_months', minimum=1), dbt.dateadd('day', 1, 'period_last_date')) }}
            as date
        ) as window_start_date

    from reporting_periods

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
        close_date,
        is_won,
        amount,
        sales_cycle_days

    from opportunities
    where
        is_closed
        and {{ is_new_revenue_opportunity('opportunity_type') }}

),

closes_in_windows as (

    select
        periods.period_grain,
        periods.period_start,
        closed_opportunities.*

    from closed_opportunities
    inner join periods
        on
            closed_opportunities.close_date >= periods.window_start_date
            and closed_opportunities.close_date <= periods.period_last_date

),

closes_by_dimension as (

    {{ unpivot_dimensions('closes_in_windows', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region']) }}

),

window_totals as (

    {#- The company total and every breakdown but opportunity_type count new business only;
        expansion deals appear only in their own opportunity_type row. -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as window_closed_deals,
        sum(case when is_won then 1 else 0 end) as window_won_deals,
        sum(case when is_won and amount is not null then 1 else 0 end) as window_won_deals_with_amount,
        sum(case when is_won and sales_cycle_days is not null then 1 else 0 end) as window_won_deals_with_sales_cycle,
        coalesce(sum(case when is_won then amount end), 0) as window_won_amount,
        coalesce(sum(case when is_won then sales_cycle_days end), 0) as window_won_sales_cycle_days

    from closes_by_dimension
    where {{ is_per_deal_rate_row('dimension', 'opportunity_type') }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

open_opportunities as (

    {#- Opportunities open at the period's end: the period's own snapshot (a week's week-end
        snapshot, a bi-week's the week-end snapshot of its second week, a month's month-end one;
        the as-of date in the current period). -#}
    select
        periods.period_grain,
        periods.period_start,
        pipeline_snapshots.opportunity_id,
        pipeline_snapshots.opportunity_type,
        pipeline_snapshots.owner_user_id as rep,
        pipeline_snapshots.owner_team_name as team,
        pipeline_snapshots.customer_segment,
        pipeline_snapshots.owner_region as region

    from pipeline_snapshots
    inner join periods
        on
            pipeline_snapshots.snapshot_grain = case when periods.period_grain = 'month' then 'month' else 'week' end
            and pipeline_snapshots.snapshot_date = periods.period_last_date
    where {{ is_new_revenue_opportunity('pipeline_snapshots.opportunity_type') }}

),

open_by_dimension as (

    {{ unpivot_dimensions('open_opportunities', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region']) }}

),

open_totals as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as open_opportunities

    from open_by_dimension
    where {{ is_per_deal_rate_row('dimension', 'opportunity_type') }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

row_keys as (

    {#- The company total in every period; a breakdown value in the periods where it had open
        opportunities at the end or closed deals in the window. -#}
    select
        period_grain,
        period_start,
        'all' as dimension,
        'all' as dimension_value
    from periods

    union

    select
        period_grain,
        period_start,
        dimension,
        dimension_value
    from window_totals

    union

    select
        period_grain,
        period_start,
        dimension,
        dimension_value
    from open_totals

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        periods.window_start_date,
        periods.period_last_date as window_end_date,
        coalesce(open_totals.open_opportunities, 0) as open_opportunities,
        coalesce(window_totals.window_closed_deals, 0) as window_closed_deals,
        coalesce(window_totals.window_won_deals, 0) as window_won_deals,
        coalesce(window_totals.window_won_deals_with_amount, 0) as window_won_deals_with_amount,
        coalesce(window_totals.window_won_deals_with_sales_cycle, 0) as window_won_deals_with_sales_cycle,
        cast(coalesce(window_totals.window_won_amount, 0) as decimal(38, 2)) as window_won_amount,
        coalesce(window_totals.window_won_sales_cycle_days, 0) as window_won_sales_cycle_days

    from row_keys
    inner join periods
        on
            row_keys.period_grain = periods.period_grain
            and row_keys.period_start = periods.period_start
    left join open_totals
        on {{ kpi_row_join('row_keys', 'open_totals') }}
    left join window_totals
        on {{ kpi_row_join('row_keys', 'window_totals') }}

)

select * from final
