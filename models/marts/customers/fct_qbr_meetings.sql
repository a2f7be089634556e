{#- One row per quarterly business review scheduled with a customer account, held or cancelled: the
    drill-through fact behind qbr_engagement_rate (the rules: int_qbr_meetings_mapped). -#}

with

qbr_meetings as (

    select * from {{ ref('int_qbr_meetings_mapped') }}

),

final as (

    select
        qbr_meeting_id,
        account_id,
        customer_id,
        owner_user_id,
        meeting_status,
        is_held,
        started_date,
        started_at

    from qbr_meetings

)

select * from final
