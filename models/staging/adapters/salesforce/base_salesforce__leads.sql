{#- crm.leads from Fivetran's Salesforce `lead` table. CampaignId, the campaign that sourced the lead,
    is custom field primary_campaign__c (standard Salesforce has none on the lead). A deleted lead
    stays, flagged: in the recycle bin (`is_deleted`) or gone (`_fivetran_deleted`). Timestamps keep
    the connector's zoned type (declared timestamptz). -#}

with

leads as (

    select * from {{ source('salesforce', 'lead') }}

),

final as (

    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,

        -- strings
        cast(company as {{ dbt.type_string() }}) as company,
        cast(email as {{ dbt.type_string() }}) as email,
        cast(lead_source as {{ dbt.type_string() }}) as leadsource,
        cast(status as {{ dbt.type_string() }}) as status,

        -- ids
        cast(owner_id as {{ dbt.type_string() }}) as ownerid,
        cast(primary_campaign__c as {{ dbt.type_string() }}) as campaignid,

        -- timestamps
        created_date as createddate,

        -- conversion
        cast(is_converted as {{ dbt.type_boolean() }}) as isconverted,
        cast(converted_date as date) as converteddate,
        cast(converted_account_id as {{ dbt.type_string() }}) as convertedaccountid,
        cast(converted_opportunity_id as {{ dbt.type_string() }}) as convertedopportunityid,
        cast(converted_contact_id as {{ dbt.type_string() }}) as convertedcontactid,

        -- soft delete
        cast(
            coalesce(is_deleted, false) or coalesce(_fivetran_deleted, false) as {{ dbt.type_boolean() }}
        ) as isdeleted,

        -- timestamps
        system_modstamp as systemmodstamp,
        _fivetran_synced as _loaded_at

    from leads

)

select * from final
