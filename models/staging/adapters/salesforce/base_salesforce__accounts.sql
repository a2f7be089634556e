{#- crm.accounts from Fivetran's Salesforce `account` table. Segment and Region are custom fields
    (segment__c, region__c). BillingCountry is the ISO code: `billing_country_code` where the org
    uses State and Country/Territory Picklists, else `billing_country` as entered. A deleted account
    stays, flagged: in the recycle bin (`is_deleted`) or gone (`_fivetran_deleted`). Timestamps keep
    the connector's zoned type (declared timestamptz). -#}

with

accounts as (

    select * from {{ source('salesforce', 'account') }}

),

final as (

    select
        {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,

        -- strings
        cast(name as {{ dbt.type_string() }}) as name,  -- noqa: RF04
        cast(segment__c as {{ dbt.type_string() }}) as segment,
        cast(industry as {{ dbt.type_string() }}) as industry,
        cast(coalesce(billing_country_code, billing_country) as {{ dbt.type_string() }}) as billingcountry,
        cast(region__c as {{ dbt.type_string() }}) as region,

        -- ids
        cast(owner_id as {{ dbt.type_string() }}) as ownerid,

        -- timestamps
        created_date as createddate,

        -- soft delete
        cast(
            coalesce(is_deleted, false) or coalesce(_fivetran_deleted, false) as {{ dbt.type_boolean() }}
        ) as isdeleted,

        -- timestamps
        system_modstamp as systemmodstamp,
        _fivetran_synced as _loaded_at

    from accounts

)

select * from final
