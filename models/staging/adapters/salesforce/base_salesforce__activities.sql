{#- crm.activities from Fivetran's Salesforce `task` and `event` tables: one row per closed task and
    per event (Salesforce ids are unique across objects: '00T...', '00U...'). WhoId is kept as
    Salesforce gives it: a lead, or the contact a converted lead's activities moved to
    (int_lead_activities_mapped maps those back to the leads). When it happened: an event's start
    (`activity_date_time`); a task's `completed_date_time`, else (a task closed before Salesforce
    recorded it) its `created_date`, when a logged call or e-mail was logged. `activity_date` is not
    used: a date without a time, and for an open task the due date. An open task (`is_closed` false)
    is a to-do, not a touch: it is left out until it is closed. Type is the Type picklist, else the
    task's subtype (Call, Email). Deleted: in the recycle bin (`is_deleted`) or gone
    (`_fivetran_deleted`). Timestamps keep the connector's zoned type (declared timestamptz). -#}

with

tasks as (

    select * from {{ source('salesforce', 'task') }}

),

events as (

    select * from {{ source('salesforce', 'event') }}

),

done_tasks as (

    select
        id,
        coalesce(type, task_subtype) as activity_type,
        subject,
        who_id,
        what_id,
        owner_id,
        coalesce(completed_date_time, created_date) as activity_at,
        coalesce(is_deleted, false) or coalesce(_fivetran_deleted, false) as is_deleted_or_gone,
        system_modstamp,
        _fivetran_synced

    from tasks
    where coalesce(is_closed, true)

),

calendar_events as (

    select
        id,
        type as activity_type,
        subject,
        who_id,
        what_id,
        owner_id,
        activity_date_time as activity_at,
        coalesce(is_deleted, false) or coalesce(_fivetran_deleted, false) as is_deleted_or_gone,
        system_modstamp,
        _fivetran_synced

    from events

),

activities as (

    select * from done_tasks
    union all
    select * from calendar_events

),

final as (

    select
        {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,

        -- strings
        cast(activity_type as {{ dbt.type_string() }}) as type,  -- noqa: RF04
        cast(subject as {{ dbt.type_string() }}) as subject,

        -- ids
        cast(who_id as {{ dbt.type_string() }}) as whoid,
        cast(what_id as {{ dbt.type_string() }}) as whatid,
        cast(owner_id as {{ dbt.type_string() }}) as ownerid,

        -- timestamps
        activity_at as activitydatetime,

        -- soft delete
        cast(is_deleted_or_gone as {{ dbt.type_boolean() }}) as isdeleted,

        -- timestamps
        system_modstamp as systemmodstamp,
        _fivetran_synced as _loaded_at

    from activities

)

select * from final
