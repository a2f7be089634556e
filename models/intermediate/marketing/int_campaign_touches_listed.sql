{#- Every campaign touch (a campaign member row) with its campaign's channel and type, the lead and
    CRM account it belongs to and the shared customer key: the touches marketing attribution and
    CAC by channel read. -#}

with

campaign_members as (

    select * from {{ ref('stg_crm__campaign_members') }}

),

campaigns as (

    select * from {{ ref('stg_crm__campaigns') }}

),

leads as (

    select * from {{ ref('stg_crm__leads') }}

),

customer_identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}
    where source_system = 'crm_account'

),

touches as (

    {#- A member is a lead or an account contact. A lead's touches belong to the account the lead
        was converted into, if any, so touches before and after conversion reach the same account.
        A lead removed as an entry error is not in staging: its touches keep the lead id but no
        account. -#}
    select
        campaign_members.campaign_member_id,
        campaign_members.campaign_id,
        campaign_members.lead_id,
        coalesce(campaign_members.account_id, leads.converted_account_id) as account_id,
        case when campaign_members.lead_id is not null then 'lead' else 'account_contact' end as member_type,
        campaign_members.member_status,
        campaign_members.has_responded,
        campaign_members.first_responded_date,
        campaign_members.touched_at

    from campaign_members
    left join leads
        on campaign_members.lead_id = leads.lead_id

),

final as (

    {#- customer_id is the account id when the account is in staging (int_customer_identifiers_mapped);
        a touch of a campaign removed as an entry error keeps its row with a null channel and type. -#}
    select
        -- ids
        touches.campaign_member_id,
        touches.campaign_id,
        touches.lead_id,
        touches.account_id,
        customer_identifiers.customer_id,

        -- attributes
        touches.member_type,
        touches.member_status,
        campaigns.campaign_name,
        campaigns.campaign_type,
        campaigns.channel,

        -- booleans
        touches.has_responded,

        -- dates
        touches.first_responded_date,
        {{ to_reporting_date('touches.touched_at') }} as touched_date,

        -- timestamps
        touches.touched_at

    from touches
    left join campaigns
        on touches.campaign_id = campaigns.campaign_id
    left join customer_identifiers
        on touches.account_id = customer_identifiers.source_record_id

)

select * from final
