{#- One row per lead with a lifecycle change in crm.lead_status_history: when it first became a
    marketing-qualified lead (MQL) and a sales-qualified lead (SQL), and whether its first MQL change
    met the qualification criteria (at least var mql_qualification_min_criteria of the four BANT
    criteria). An SQL without an earlier MQL change passed MQL at the same moment (sales qualified
    it directly). And when it was first disqualified (a change to Unqualified, which is no stage:
    it never dates an MQL or SQL), with that change's reason and whether the reason says the lead
    could not be worked at all (unreachable, bad data, a duplicate). -#}

with

status_changes as (

    select * from {{ ref('stg_crm__lead_status_history') }}

),

ranked_changes as (

    select
        lead_id,
        new_status,
        qualification_criteria,
        qualification_criteria_count,
        disqualification_reason,
        changed_at,
        row_number() over (
            partition by lead_id, new_status
            order by changed_at, lead_status_history_id
        ) as change_number

    from status_changes

),

stages as (

    select
        lead_id,
        min(case when new_status = 'mql' and change_number = 1 then changed_at end) as first_mql_change_at,
        min(case when new_status = 'sql' and change_number = 1 then changed_at end) as sql_at,
        max(case when new_status = 'mql' and change_number = 1 then qualification_criteria end)
            as qualification_criteria,
        coalesce(
            max(case when new_status = 'mql' and change_number = 1 then qualification_criteria_count end), 0
        ) as qualification_criteria_count,
        min(case when new_status = 'unqualified' and change_number = 1 then changed_at end) as disqualified_at,
        max(case when new_status = 'unqualified' and change_number = 1 then disqualification_reason end)
            as disqualification_reason

    from ranked_changes
    group by lead_id

),

final as (

    select
        -- ids
        lead_id,

        -- strings
        qualification_criteria,
        disqualification_reason,

        -- numerics
        qualification_criteria_count,

        -- booleans: the criteria are judged only where the lead reached MQL
        case
            when first_mql_change_at is not null or sql_at is not null
                then
                    qualification_criteria_count
                    >= {{ checked_var('mql_qualification_min_criteria', minimum=1, maximum=4) }}
        end as met_qualification_criteria,
        coalesce(disqualification_reason in ('unreachable', 'bad_data', 'duplicate'), false)
            as is_disqualified_unworkable,

        -- timestamps
        case
            when first_mql_change_at is null or sql_at < first_mql_change_at then sql_at
            else first_mql_change_at
        end as mql_at,
        sql_at,
        disqualified_at

    from stages

)

select * from final
