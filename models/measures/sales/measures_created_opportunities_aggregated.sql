{#- Opportunities created per period (month, quarter, year of the creation date, reporting
    timezone) and breakdown, by the as-of date, with their amounts (ACV in the reporting currency,
    fct_opportunities' amount: a closed deal at its close month's rate, an open one at the as-of
    month's) and those of them pitched: the opportunity entered var opportunity_pitch_stage (demo),
    a later open stage or closed won within var opportunity_pitch_window_days of its creation day
    (a skipped stage counts, closed lost does not). An opportunity is decided once its window has
    ended by the as-of date, pitched or not, so a recent period is not judged on its early pitches
    alone. Renewals never count; the company total and every breakdown but opportunity_type count
    new business (the rule of the per-deal KPIs), expansion only in its own opportunity_type row.
    Every period has a company row (zeros when nothing was created); breakdown rows exist where
    opportunities were created. Feeds opportunities_created, pipeline_created and
    opportunity_pitch_rate. -#}

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

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

pitch_stage as (

    {#- The pitch stage's place in the sales process, from the stages opportunities entered. -#}
    select min(stage_sort_order) as pitch_sort_order
    from stage_intervals
    where stage_name = {{ sql_string_literal(pitch_stage) }}

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

created_opportunities as (

    {#- Breakdown columns are named after their KPI dimension. -#}
    select
        opportunity_id,
        opportunity_type,
        owner_user_id as rep,
        team_name as team,
        customer_segment,
        region,
        lead_source_channel,
        created_date,
        amount,
        {{ dbt.dateadd('day', window_days, 'created_date') }} as pitch_window_last_date

    from opportunities
    where {{ is_new_revenue_opportunity('opportunity_type') }}

),

outcomes as (

    select
        created_opportunities.*,
        case
            when created_opportunities.pitch_window_last_date <= bounds.as_of_date then 1 else 0
        end as is_decided,
        case
            when
                created_opportunities.pitch_window_last_date <= bounds.as_of_date
                and pitches.pitched_date <= created_opportunities.pitch_window_last_date
                then 1
            else 0
        end as is_pitched

    from created_opportunities
    cross join bounds
    left join pitches
        on created_opportunities.opportunity_id = pitches.opportunity_id
    where created_opportunities.created_date <= bounds.as_of_date

),

creations_in_periods as (

    select
        periods.period_grain,
        periods.period_start,
        outcomes.*

    from outcomes
    inner join periods
        on outcomes.created_date between periods.period_start and periods.period_last_date

),

creations_by_dimension as (

    {{ unpivot_dimensions('creations_in_periods', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region', 'lead_source_channel']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as created_opportunities,
        sum(case when amount is not null then 1 else 0 end) as created_opportunities_with_amount,
        cast(coalesce(sum(amount), 0) as decimal(38, 2)) as created_amount,
        sum(is_decided) as decided_opportunities,
        sum(is_pitched) as pitched_opportunities

    from creations_by_dimension
    where {{ is_per_deal_rate_row('dimension', 'opportunity_type') }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    [
        'created_opportunities',
        'created_opportunities_with_amount',
        'created_amount',
        'decided_opportunities',
        'pitched_opportunities',
    ],
    data_types={'created_amount': 'decimal(38, 2)'}
) }}
