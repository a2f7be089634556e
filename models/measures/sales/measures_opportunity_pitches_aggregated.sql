{#- Opportunities created per period (month, quarter, year of the creation date, reporting
    timezone) and breakdown, and those of them pitched: the opportunity entered var
    opportunity_pitch_stage (demo), a later open stage or closed won within var
    opportunity_pitch_window_days of its creation day (a skipped stage counts, closed lost does
    not). An opportunity is decided once its window has ended by the as-of date, pitched or not, so
    a recent period is not judged on its early pitches alone. Renewals never count; the company
    total and every breakdown but opportunity_type count new business (is_per_deal_rate_row). The
    measures of opportunity_pitch_rate. Every period has a company row (zeros when nothing was
    created or decided); breakdown rows exist where opportunities were created. -#}

{%- set pitch_stage = checked_string_var('opportunity_pitch_stage', '[a-z_]+', 'demo') %}
{%- set window_days = checked_var('opportunity_pitch_window_days', minimum=0) %}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

stage_intervals as (

    select * from {{ ref('int_opportunity_stage_intervals_sequenced') }}

),

bounds as (

    select * from {{ ref('int_calendar_bounds_computed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

pitch_stage as (

    {#- The pitch stage's place in the sales process, from the stages opportunities entered. -#}
    select min(stage_sort_order) as pitch_sort_order
    from stage_intervals
    where stage_name = {{ sql_string_literal(pitch_stage) }}

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
        lead_source_channel,
        created_date,
        {{ dbt.dateadd('day', window_days, 'created_date') }} as pitch_window_last_date

    from opportunities
    where {{ is_new_revenue_opportunity('opportunity_type') }}

),

pitches as (

    {#- The first day an opportunity entered the pitch stage or a later stage that is progress. -#}
    select
        stage_intervals.opportunity_id,
        min(stage_intervals.entered_date) as pitched_date

    from stage_intervals
    cross join pitch_stage
    where
        stage_intervals.stage_sort_order >= pitch_stage.pitch_sort_order
        and (stage_intervals.is_won_stage or not stage_intervals.is_closed_stage)
    group by stage_intervals.opportunity_id

),

outcomes as (

    select
        counted_opportunities.*,
        case
            when counted_opportunities.pitch_window_last_date <= bounds.as_of_date then 1 else 0
        end as is_decided,
        case
            when
                counted_opportunities.pitch_window_last_date <= bounds.as_of_date
                and pitches.pitched_date <= counted_opportunities.pitch_window_last_date
                then 1
            else 0
        end as is_pitched

    from counted_opportunities
    cross join bounds
    left join pitches
        on counted_opportunities.opportunity_id = pitches.opportunity_id
    where counted_opportunities.created_date <= bounds.as_of_date

),

outcomes_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        outcomes.*

    from outcomes
    inner join reporting_periods
        on outcomes.created_date between reporting_periods.period_start and reporting_periods.period_last_date

),

outcomes_by_dimension as (

    {{ unpivot_dimensions('outcomes_in_periods', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region', 'lead_source_channel']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as created_opportunities,
        sum(is_decided) as decided_opportunities,
        sum(is_pitched) as pitched_opportunities

    from outcomes_by_dimension
    where {{ is_per_deal_rate_row('dimension', 'opportunity_type') }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['created_opportunities', 'decided_opportunities', 'pitched_opportunities'],
) }}
