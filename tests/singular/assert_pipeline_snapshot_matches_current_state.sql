{#- The pipeline rebuilt from stage history must agree with the CRM's current state where both
    describe the same moment: the month snapshot at the as-of date holds exactly the opportunities
    open now, at their current stage and amount. Returns the opportunities on one side only or with
    a different stage or amount.

    When it applies: the current state is the state after the data's last business event
    (`last_event_date` of int_calendar_bounds_computed, computed from every kind of event and never
    from var `as_of_date`), and nothing changes after it. So the check runs whenever the as-of date
    is on or after the last event date: always by default (the as-of date is that day) and with var
    `as_of_date` set to that day or later, where the snapshot at the as-of date is the state at the
    last event date. With the var set earlier, the CRM tells its state on that day only through the
    same stage history the snapshot is rebuilt from, so comparing would test the model against
    itself: the check is not applicable and returns no rows. -#}

with

comparable_as_of_dates as (

    {#- One row when the as-of date has reached the end of the data, none otherwise. -#}
    select as_of_date
    from {{ ref('int_calendar_bounds_computed') }}
    where as_of_date >= last_event_date

),

snapshot_rows as (

    select
        snapshots.opportunity_id,
        snapshots.stage_name,
        snapshots.amount
    from {{ ref('fct_pipeline_snapshots') }} as snapshots
    inner join comparable_as_of_dates
        on snapshots.snapshot_date = comparable_as_of_dates.as_of_date
    where snapshots.snapshot_grain = 'month'

),

current_rows as (

    select
        opportunities.opportunity_id,
        opportunities.stage_name,
        cast(opportunities.amount as decimal(38, 2)) as amount
    from {{ ref('stg_crm__opportunities') }} as opportunities
    cross join comparable_as_of_dates
    where
        not opportunities.is_closed
        -- an opportunity deleted after the as-of date was still open then (fct_pipeline_snapshots)
        and (
            not opportunities.is_deleted
            or {{ to_reporting_date('opportunities.deleted_at') }} > comparable_as_of_dates.as_of_date
        )

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
