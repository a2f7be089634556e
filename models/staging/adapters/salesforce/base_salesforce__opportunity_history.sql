{#- crm.opportunity_history from Fivetran's Salesforce `opportunity_history` table (OpportunityHistory).
    Every row is kept, deleted or not: Salesforce writes these rows and only deletes them with their
    opportunity, whose own soft delete the contract carries. Timestamps keep the connector's zoned
    type (declared timestamptz). -#}

with

opportunity_history as (

    select * from {{ source('salesforce', 'opportunity_history') }}

),

final as (

    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,
        cast(opportunity_id as {{ dbt.type_string() }}) as opportunityid,

        -- enums
        cast(stage_name as {{ dbt.type_string() }}) as stagename,

        -- amounts
        cast(amount as numeric(18, 4)) as amount,

        -- dates
        cast(close_date as date) as closedate,

        -- numerics
        cast(probability as numeric(18, 4)) as probability,

        -- timestamps
        created_date as createddate,
        _fivetran_synced as _loaded_at

    from opportunity_history

)

select * from final
