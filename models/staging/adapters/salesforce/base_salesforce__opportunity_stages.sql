{#- crm.opportunity_stages from Fivetran's Salesforce `opportunity_stage` table (OpportunityStage, the
    Stage picklist's values). A stage Fivetran marks gone (`_fivetran_deleted`; the object has no
    `is_deleted`) is left out: the reference lists the stages that exist, and a retired stage stays
    as inactive (IsActive false). Timestamps keep the connector's zoned type (declared timestamptz). -#}

with

opportunity_stages as (

    select * from {{ source('salesforce', 'opportunity_stage') }}

),

existing_stages as (

    select * from opportunity_stages
    where not coalesce(_fivetran_deleted, false)

),

final as (

    select
        -- ids
        cast(id as {{ dbt.type_string() }}) as id,

        -- strings
        cast(master_label as {{ dbt.type_string() }}) as masterlabel,

        -- numerics
        cast(sort_order as {{ dbt.type_int() }}) as sortorder,
        cast(default_probability as numeric(18, 4)) as defaultprobability,

        -- booleans
        cast(is_active as {{ dbt.type_boolean() }}) as isactive,
        cast(is_closed as {{ dbt.type_boolean() }}) as isclosed,
        cast(is_won as {{ dbt.type_boolean() }}) as iswon,

        -- timestamps
        _fivetran_synced as _loaded_at

    from existing_stages

)

select * from final
