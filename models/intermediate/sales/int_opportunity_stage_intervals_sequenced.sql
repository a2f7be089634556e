{#- One row per stage interval of a live opportunity: each time it entered a stage, from the
    opportunity history, until it entered the next one. History rows that change only the amount
    or close date (same stage as the row before) do not start an interval. An opportunity that goes
    back to a stage it was in before has a second interval for that stage (`stage_entry_number` 2). -#}

with

history as (

    select * from {{ ref('stg_crm__opportunity_history') }}

),

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

stages as (

    select * from {{ ref('stg_crm__opportunity_stages') }}

),

live_history as (

    {#- History rows of opportunities removed as entry errors stay in staging; they are no interval here.
        The history id breaks ties between rows with the same timestamp, so the order never
        depends on row order. -#}
    select
        history.opportunity_history_id,
        history.opportunity_id,
        history.stage_name,
        history.changed_at,
        lag(history.stage_name) over (
            partition by history.opportunity_id
            order by history.changed_at, history.opportunity_history_id
        ) as previous_row_stage_name

    from history
    inner join opportunities
        on history.opportunity_id = opportunities.opportunity_id

),

stage_changes as (

    select * from live_history
    where previous_row_stage_name is null or previous_row_stage_name != stage_name

),

sequenced as (

    select
        opportunity_history_id as opportunity_stage_interval_id,
        opportunity_id,
        stage_name,
        changed_at as entered_at,
        lead(changed_at) over (
            partition by opportunity_id
            order by changed_at, opportunity_history_id
        ) as exited_at,
        lag(stage_name) over (
            partition by opportunity_id
            order by changed_at, opportunity_history_id
        ) as previous_stage_name,
        lead(stage_name) over (
            partition by opportunity_id
            order by changed_at, opportunity_history_id
        ) as next_stage_name,
        row_number() over (
            partition by opportunity_id
            order by changed_at, opportunity_history_id
        ) as stage_interval_number,
        row_number() over (
            partition by opportunity_id, stage_name
            order by changed_at, opportunity_history_id
        ) as stage_entry_number

    from stage_changes

),

final as (

    select
        -- ids
        sequenced.opportunity_stage_interval_id,
        sequenced.opportunity_id,

        -- stage and its neighbours
        sequenced.stage_name,
        sequenced.previous_stage_name,
        sequenced.next_stage_name,
        stages.sort_order as stage_sort_order,

        -- sequence
        cast(sequenced.stage_interval_number as integer) as stage_interval_number,
        cast(sequenced.stage_entry_number as integer) as stage_entry_number,

        -- booleans
        stages.is_closed as is_closed_stage,
        stages.is_won as is_won_stage,
        sequenced.stage_entry_number > 1 as is_reentry,
        coalesce(
            not stages.is_closed
            and not previous_stages.is_closed
            and previous_stages.sort_order > stages.sort_order,
            false
        ) as is_regression,
        sequenced.exited_at is null as is_current,

        -- timestamps and reporting-timezone dates
        sequenced.entered_at,
        sequenced.exited_at,
        {{ to_reporting_date('sequenced.entered_at') }} as entered_date,
        {{ to_reporting_date('sequenced.exited_at') }} as exited_date,

        -- duration
        cast(
            {{ round_to_scale(divided(dbt.datediff('sequenced.entered_at', 'sequenced.exited_at', 'second'), 86400), 6) }}
            as decimal(38, 6)
        ) as days_in_stage

    from sequenced
    inner join stages
        on sequenced.stage_name = stages.stage_name
    left join stages as previous_stages
        on sequenced.previous_stage_name = previous_stages.stage_name

)

select * from final
