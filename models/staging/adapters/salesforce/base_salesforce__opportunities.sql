{#- crm.opportunities from Fivetran's Salesforce `opportunity` table, standard fields only. A deleted
    opportunity stays, flagged: in the recycle bin (`is_deleted`) or gone (`_fivetran_deleted`).
    Timestamps keep the connector's zoned type (declared timestamptz). -#}

with

opportunities as (

    select * from {{ source('salesforce', 'opportunity') }}

),

final as (

    select
        {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,

        -- strings
        cast(name as {{ dbt.type_string() }}) as name,  -- noqa: RF04

        -- ids
        cast(account_id as {{ dbt.type_string() }}) as accountid,

        -- enums
        cast(type as {{ dbt.type_string() }}) as type,  -- noqa: RF04
        cast(stage_name as {{ dbt.type_string() }}) as stagename,

        -- amounts
        cast(amount as numeric(18, 4)) as amount,
        cast(currency_iso_code as {{ dbt.type_string() }}) as currencyisocode,
        cast(probability as numeric(18, 4)) as probability,

        -- dates and timestamps
        created_date as createddate,
        cast(close_date as date) as closedate,

        -- booleans
        cast(is_closed as {{ dbt.type_boolean() }}) as isclosed,
        cast(is_won as {{ dbt.type_boolean() }}) as iswon,

        -- ids
        cast(owner_id as {{ dbt.type_string() }}) as ownerid,
        cast(campaign_id as {{ dbt.type_string() }}) as campaignid,

        -- soft delete
        cast(
            coalesce(is_deleted, false) or coalesce(_fivetran_deleted, false) as {{ dbt.type_boolean() }}
        ) as isdeleted,

        -- timestamps
        system_modstamp as systemmodstamp,
        _fivetran_synced as _loaded_at

    from opportunities

)

select * from final
