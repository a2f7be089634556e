{#- One row per quarterly business review scheduled with a CRM account (stg_crm__qbr_meetings),
    with the shared customer key of the account while it is live and the review's reporting date. -#}

with

qbr_meetings as (

    select * from {{ ref('stg_crm__qbr_meetings') }}

),

customer_identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}
    where source_system = 'crm_account'

),

final as (

    select
        -- ids
        qbr_meetings.qbr_meeting_id,
        qbr_meetings.account_id,
        customer_identifiers.customer_id,
        qbr_meetings.owner_user_id,

        -- attributes
        qbr_meetings.meeting_status,

        -- booleans
        qbr_meetings.meeting_status = 'completed' as is_held,

        -- dates
        {{ to_reporting_date('qbr_meetings.started_at') }} as started_date,

        -- timestamps
        qbr_meetings.started_at

    from qbr_meetings
    left join customer_identifiers
        on qbr_meetings.account_id = customer_identifiers.source_record_id

)

select * from final
