{#- support.satisfaction_ratings from Fivetran's Zendesk `satisfaction_rating` table: every survey
    sent (offered) or answered (good, bad). An 'unoffered' rating is a survey Zendesk never sent, so
    it is no survey in the contract and is left out. -#}

with

satisfaction_ratings as (

    select * from {{ source('zendesk', 'satisfaction_rating') }}

),

sent_surveys as (

    select * from satisfaction_ratings
    where coalesce(lower(trim(score)), '') <> 'unoffered'

),

final as (

    {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
    select
        -- ids
        cast(id as {{ dbt.type_bigint() }}) as id,
        cast(ticket_id as {{ dbt.type_bigint() }}) as ticket_id,

        -- enums
        cast(score as {{ dbt.type_string() }}) as score,

        -- strings
        cast(comment as {{ dbt.type_string() }}) as comment,  -- noqa: RF04

        -- timestamps
        cast(created_at as {{ type_timestamptz() }}) as created_at,
        cast(updated_at as {{ type_timestamptz() }}) as updated_at,
        cast(_fivetran_synced as {{ type_timestamptz() }}) as _loaded_at

    from sent_surveys

)

select * from final
