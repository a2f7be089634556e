{#- The pipeline measures the pipeline KPIs are computed from, per period (week, month, quarter,
    year) and breakdown: open pipeline at the period's end (closing) and at the previous period's
    end (opening), from the week-end and month-end snapshots of fct_pipeline_snapshots. Renewals
    are left out: `all` is new business + expansion. The lead source channel is the opportunity's
    (fct_opportunities; `unassigned` for an opportunity no longer live). -#}

with

pipeline_snapshots as (

    select * from {{ ref('fct_pipeline_snapshots') }}

),

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['week', 'month', 'quarter', 'year']) }}

),

sales_pipeline as (

    {#- Renewal opportunities re-sign revenue already booked: they are not pipeline here. -#}
    select
        pipeline_snapshots.snapshot_grain,
        pipeline_snapshots.snapshot_date,
        pipeline_snapshots.opportunity_id,
        pipeline_snapshots.opportunity_type,
        pipeline_snapshots.owner_user_id as rep,
        pipeline_snapshots.owner_team_name as team,
        pipeline_snapshots.customer_segment,
        pipeline_snapshots.owner_region as region,
        opportunities.lead_source_channel,
        pipeline_snapshots.amount_reporting_currency,
        pipeline_snapshots.weighted_amount_reporting_currency

    from pipeline_snapshots
    left join opportunities
        on pipeline_snapshots.opportunity_id = opportunities.opportunity_id
    where {{ is_new_revenue_opportunity('pipeline_snapshots.opportunity_type') }}

),

pipeline_dimensions as (

    {{ unpivot_dimensions('sales_pipeline', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region', 'lead_source_channel']) }}

),

snapshot_totals as (

    {#- An open opportunity without an amount counts as open and adds 0. -#}
    select
        snapshot_grain,
        snapshot_date,
        dimension,
        dimension_value,
        count(*) as open_opportunities,
        sum(coalesce(amount_reporting_currency, 0)) as pipeline_amount,
        sum(coalesce(weighted_amount_reporting_currency, 0)) as weighted_pipeline_amount

    from pipeline_dimensions
    group by
        snapshot_grain,
        snapshot_date,
        dimension,
        dimension_value

),

period_snapshots as (

    {#- A week closes on its week-end snapshot; a month, quarter or year on its last month-end
        snapshot (the as-of date in the current period). It opens on the previous period's
        closing snapshot, the day before it starts. -#}
    select
        period_grain,
        period_start,
        case when period_grain = 'week' then 'week' else 'month' end as snapshot_grain,
        cast({{ dbt.dateadd('day', -1, 'period_start') }} as date) as opening_snapshot_date,
        period_last_date as closing_snapshot_date

    from reporting_periods

),

closing_totals as (

    select
        period_snapshots.period_grain,
        period_snapshots.period_start,
        snapshot_totals.dimension,
        snapshot_totals.dimension_value,
        snapshot_totals.open_opportunities,
        snapshot_totals.pipeline_amount,
        snapshot_totals.weighted_pipeline_amount

    from period_snapshots
    inner join snapshot_totals
        on
            period_snapshots.snapshot_grain = snapshot_totals.snapshot_grain
            and period_snapshots.closing_snapshot_date = snapshot_totals.snapshot_date

),

opening_totals as (

    select
        period_snapshots.period_grain,
        period_snapshots.period_start,
        snapshot_totals.dimension,
        snapshot_totals.dimension_value,
        snapshot_totals.open_opportunities,
        snapshot_totals.pipeline_amount

    from period_snapshots
    inner join snapshot_totals
        on
            period_snapshots.snapshot_grain = snapshot_totals.snapshot_grain
            and period_snapshots.opening_snapshot_date = snapshot_totals.snapshot_date

),

row_keys as (

    {#- The company total in every period; a breakdown value in the periods it had open pipeline
        at the start or at the end of. -#}
    select
        period_grain,
        period_start,
        'all' as dimension,
        'all' as dimension_value
    from period_snapshots

    union

    select
        period_grain,
        period_start,
        dimension,
        dimension_value
    from closing_totals

    union

    select
        period_grain,
        period_start,
        dimension,
        dimension_value
    from opening_totals

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        period_snapshots.opening_snapshot_date,
        period_snapshots.closing_snapshot_date,
        coalesce(opening_totals.open_opportunities, 0) as opening_open_opportunities,
        coalesce(closing_totals.open_opportunities, 0) as closing_open_opportunities,
        cast(coalesce(opening_totals.pipeline_amount, 0) as decimal(38, 2)) as opening_pipeline_amount,
        cast(coalesce(closing_totals.pipeline_amount, 0) as decimal(38, 2)) as closing_pipeline_amount,
        cast(coalesce(closing_totals.weighted_pipeline_amount, 0) as decimal(38, 2)) as closing_weighted_pipeline_amount

    from row_keys
    inner join period_snapshots
        on
            row_keys.period_grain = period_snapshots.period_grain
            and row_keys.period_start = period_snapshots.period_start
    left join closing_totals
        on {{ kpi_row_join('row_keys', 'closing_totals') }}
    left join opening_totals
        on {{ kpi_row_join('row_keys', 'opening_totals') }}

)

select * from final
