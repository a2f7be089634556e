{#- crm.campaign_members from Fivetran's Salesforce `campaign_member` table. LeadId is the member's
    lead (kept after the lead converts, when Salesforce also sets its contact). AccountId, which
    CampaignMember lacks, is the account of the member's contact (`contact.account_id`) when the
    member is a contact and no lead, null otherwise, so exactly one of the two is set as in the
    contract. A membership removed from its campaign is deleted in Salesforce and absent from the
    contract: left out. One deleted with its lead, contact or campaign stays: the parent's soft
    delete governs it, as in the contract. An empty table gives no rows. Timestamps keep the
    connector's zoned type (declared timestamptz). -#}

with

campaign_members as (

    select * from {{ source('salesforce', 'campaign_member') }}

),

contacts as (

    select * from {{ source('salesforce', 'contact') }}

),

leads as (

    select * from {{ source('salesforce', 'lead') }}

),

campaigns as (

    select * from {{ source('salesforce', 'campaign') }}

),

members_with_parents as (

    select
        campaign_members.*,
        contacts.account_id as contact_account_id,
        (
            coalesce(campaign_members.is_deleted, false)
            or coalesce(campaign_members._fivetran_deleted, false)
        ) as is_member_deleted,
        (
            coalesce(leads.is_deleted, false)
            or coalesce(leads._fivetran_deleted, false)
            or coalesce(contacts.is_deleted, false)
            or coalesce(contacts._fivetran_deleted, false)
            or coalesce(campaigns.is_deleted, false)
            or coalesce(campaigns._fivetran_deleted, false)
        ) as is_parent_deleted

    from campaign_members
    left join contacts
        on campaign_members.contact_id = contacts.id
    left join leads
        on campaign_members.lead_id = leads.id
    left join campaigns
        on campaign_members.campaign_id = campaigns.id

),

current_members as (

    select * from members_with_parents
    where not is_member_deleted or is_parent_deleted

),

final as (

    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,
        cast(campaign_id as {{ dbt.type_string() }}) as campaignid,
        cast(lead_id as {{ dbt.type_string() }}) as leadid,
        cast(
            case when lead_id is null then contact_account_id end as {{ dbt.type_string() }}
        ) as accountid,

        -- enums
        cast(status as {{ dbt.type_string() }}) as status,

        -- booleans
        cast(has_responded as {{ dbt.type_boolean() }}) as hasresponded,

        -- dates and timestamps
        created_date as createddate,
        cast(first_responded_date as date) as firstrespondeddate,
        _fivetran_synced as _loaded_at

    from current_members

)

select * from final
