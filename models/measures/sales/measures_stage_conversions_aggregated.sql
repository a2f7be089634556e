{#- Stage conversion rate: of the opportunities that first entered an open stage in the period and
    whose outcome at that stage is known by the as-of date, the share that went on to a later stage
    of the sales process (closed won included, closed lost not): the advanced and decided entries
    per period, stage and breakdown, with a company row (zeros) in every period. -#}

with

stage_intervals as (

    select * from {{ ref('int_opportunity_stage_intervals_sequenced') }}

),

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

counted_opportunities as (

    {#- Renewals never count. Breakdown columns are named after their KPI dimension. -#}
    select
        opportunity_id,
        opportunity_type,
        owner_user_id as rep,
        team_name as team,
        customer_segment,
        region,
        lead_source_channel

    from opportunities
    where {{ is_new_revenue_opportunity('opportunity_type') }}

),

known_intervals as (

    {#- Only what had happened by the as-of date. -#}
    select stage_intervals.*
    from stage_intervals
    cross join bounds
    where stage_intervals.entered_date <= bounds.as_of_date

),

first_entries as (

    {#- An opportunity counts once per stage, from its first entry; a re-entry after going back
        does not start a second attempt. -#}
    select
        opportunity_id,
        stage_name,
        stage_sort_order,
        min(stage_interval_number) as first_interval_number

    from known_intervals
    where not is_closed_stage
    group by
        opportunity_id,
        stage_name,
        stage_sort_order

),

stage_outcomes as (

    {#- Advanced: a later interval is in a stage further along the process (skipped stages
        count: prospecting straight to demo advanced from prospecting), closed won included and
        closed lost excluded (it sorts last but is not progress). Decided: advanced, or closed
        (lost) after the entry; an opportunity still open without having advanced is undecided. -#}
    select
        first_entries.opportunity_id,
        first_entries.stage_name,
        entries.entered_date,
        max(
            case
                when
                    later_intervals.stage_sort_order > first_entries.stage_sort_order
                    and (later_intervals.is_won_stage or not later_intervals.is_closed_stage)
                    then 1
                else 0
            end
        ) as has_advanced,
        max(case when later_intervals.is_closed_stage then 1 else 0 end) as has_closed

    from first_entries
    inner join known_intervals as entries
        on
            first_entries.opportunity_id = entries.opportunity_id
            and first_entries.first_interval_number = entries.stage_interval_number
    left join known_intervals as later_intervals
        on
            first_entries.opportunity_id = later_intervals.opportunity_id
            and first_entries.first_interval_number < later_intervals.stage_interval_number
    group by
        first_entries.opportunity_id,
        first_entries.stage_name,
        entries.entered_date

),

entries_in_periods as (

    {#- `stage` is a SQL keyword, but it names the KPI dimension (unpivot_dimensions takes
        dimension names from column names). -#}
    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        stage_outcomes.stage_name as stage,
        stage_outcomes.has_advanced,
        case when stage_outcomes.has_advanced = 1 or stage_outcomes.has_closed = 1 then 1 else 0 end as is_decided,
        counted_opportunities.*

    from stage_outcomes
    inner join counted_opportunities
        on stage_outcomes.opportunity_id = counted_opportunities.opportunity_id
    inner join reporting_periods
        on stage_outcomes.entered_date between reporting_periods.period_start and reporting_periods.period_last_date

),

entries_by_dimension as (

    {{ unpivot_dimensions('entries_in_periods', ['opportunity_type', 'stage', 'rep', 'team', 'customer_segment', 'region', 'lead_source_channel']) }}

),

aggregated as (

    {#- The company total and every breakdown but opportunity_type count new business only. -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(has_advanced) as advanced_entries,
        sum(is_decided) as decided_entries

    from entries_by_dimension
    where {{ is_per_deal_rate_row('dimension', 'opportunity_type') }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period('aggregated', 'reporting_periods', ['advanced_entries', 'decided_entries']) }}
