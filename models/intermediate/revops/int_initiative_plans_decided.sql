{#- One row per RevOps initiative whose planned quarter has ended by the as-of date (a decided
    plan), with its owner, size weight and whether it went live by the end of its planned quarter.
    Cancelled, planned and in-progress initiatives stay in the plan as not implemented. -#}

with

initiatives as (

    select * from {{ ref('stg_revops__initiatives') }}

),

planned_quarters as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'quarter'

),

final as (

    {#- A planned quarter that has not ended by the as-of date (is_partial) or not started yet
        (no period row) leaves its initiatives out. -#}
    select
        initiatives.initiative_id,
        initiatives.owner_name as initiative_owner,
        initiatives.planned_quarter_start_date,
        initiatives.size_weight,
        coalesce(initiatives.implemented_date <= planned_quarters.period_end_date, false) as is_implemented_in_planned_quarter

    from initiatives
    inner join planned_quarters
        on initiatives.planned_quarter_start_date = planned_quarters.period_start
    where not planned_quarters.is_partial

)

select * from final
