{#- Every live sales activity with the lead it counts for. An activity's WhoId is a lead or a
    contact: Salesforce moves a lead's tasks and events to the contact the lead converts into. An
    activity on a lead counts for that lead; one on a contact counts for every lead converted into
    that contact (also a person who came back as a new lead and was converted into their existing
    contact), from the lead's creation on, so an existing contact's older activities never count for
    a newer lead. An activity that counts for no lead (only an opportunity, or a contact no lead was
    converted into) keeps one row with a null lead_id. -#}

with

activities as {{ inline_cte() }} (

    select * from {{ ref('stg_crm__activities') }}

),

leads as {{ inline_cte() }} (

    select * from {{ ref('stg_crm__leads') }}

),

activity_leads as (

    select
        activities.activity_id,
        leads.lead_id

    from activities
    inner join leads
        on activities.who_id = leads.lead_id

    union all

    select
        activities.activity_id,
        leads.lead_id

    from activities
    inner join leads
        on
            activities.who_id = leads.converted_contact_id
            and activities.activity_at >= leads.created_at

),

final as (

    select
        -- ids
        activities.activity_id,
        activity_leads.lead_id,
        activities.who_id,
        activities.opportunity_id,
        activities.owner_user_id,

        -- strings / enums
        activities.subject,
        activities.activity_type,

        -- timestamps
        activities.activity_at,
        activities.system_modified_at,
        activities.loaded_at,

        -- soft delete
        activities.is_deleted,
        activities.deleted_at

    from activities
    left join activity_leads
        on activities.activity_id = activity_leads.activity_id

)

select * from final
