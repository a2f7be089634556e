{#- The pipeline rebuilt from stage history must agree with the CRM's current state where both
    describe the same moment: at the as-of date (the latest data, when var `as_of_date` is not
    set), the month-end snapshot holds exactly the opportunities open now, at their current stage
    and amount. Returns the opportunities on one side only or with a different stage or amount. -#}

with

snapshot_rows as (

    select
        snapshots.opportunity_id,
        snapshots.stage_name,
        snapshots.amount
    from {{ ref('fct_pipeline_snapshots') }} as snapshots
    inner join {{ ref('int_calendar_bounds_computed') }} as bounds
        on snapshots.snapshot_date = bounds.as_of_date
    where snapshots.snapshot_grain = 'month'

),

current_rows as (

    select
        opportunity_id,
        stage_name,
        cast(amount as decimal(38, 2)) as amount
    from {{ ref('stg_crm__opportunities') }}
    where not is_closed

),

only_in_snapshot as (

    select
        opportunity_id,
        stage_name,
        amount
    from snapshot_rows
    except
    select
        opportunity_id,
        stage_name,
        amount
    from current_rows

),

only_in_current as (

    select
        opportunity_id,
        stage_name,
        amount
    from current_rows
    except
    select
        opportunity_id,
        stage_name,
        amount
    from snapshot_rows

),

differences as (

    select
        'only in the history snapshot' as side,
        only_in_snapshot.opportunity_id,
        only_in_snapshot.stage_name,
        only_in_snapshot.amount
    from only_in_snapshot
    union all
    select
        'only in the current state' as side,
        only_in_current.opportunity_id,
        only_in_current.stage_name,
        only_in_current.amount
    from only_in_current

)

select
    side,
    opportunity_id,
    stage_name,
    amount
from differences
{#- With var `as_of_date` set, the as-of snapshot lies in the past and need not match today. #}
where {{ 'true' if var('as_of_date') is none else 'false' }}
