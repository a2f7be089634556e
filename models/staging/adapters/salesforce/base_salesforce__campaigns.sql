{#- crm.campaigns from Fivetran's Salesforce `campaign` table. Channel is custom field channel__c. A
    deleted campaign stays, flagged: in the recycle bin (`is_deleted`) or gone (`_fivetran_deleted`).
    An empty table (campaigns not synced) gives no rows. Timestamps keep the connector's zoned type
    (declared timestamptz). -#}

with

campaigns as (

    select * from {{ source('salesforce', 'campaign') }}

),

final as (

    select
        {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,

        -- strings
        cast(name as {{ dbt.type_string() }}) as name,  -- noqa: RF04
        cast(type as {{ dbt.type_string() }}) as type,  -- noqa: RF04
        cast(channel__c as {{ dbt.type_string() }}) as channel,

        -- dates
        cast(start_date as date) as startdate,
        cast(end_date as date) as enddate,

        -- amounts
        cast(actual_cost as numeric(18, 4)) as actualcost,
        cast(currency_iso_code as {{ dbt.type_string() }}) as currencyisocode,

        -- soft delete
        cast(
            coalesce(is_deleted, false) or coalesce(_fivetran_deleted, false) as {{ dbt.type_boolean() }}
        ) as isdeleted,

        -- timestamps
        system_modstamp as systemmodstamp,
        _fivetran_synced as _loaded_at

    from campaigns

)

select * from final
