{#- support.tickets from Fivetran's Zendesk tables: one row per ticket, with the requester's email,
    the organization's CRM account id, the group's name and the contract's channel. A ticket
    Fivetran marks deleted (`_fivetran_deleted`) gets status 'deleted', the contract's soft delete,
    like one Zendesk itself reports as deleted. -#}

with

tickets as (

    select * from {{ source('zendesk', 'ticket') }}

),

users as (

    select * from {{ source('zendesk', 'user') }}

),

organizations as (

    select * from {{ source('zendesk', 'organization') }}

),

agent_groups as (

    select * from {{ source('zendesk', 'group') }}

),

final as (

    {#- The contract's columns, in its order. -#}
    select
        cast(tickets.id as {{ dbt.type_bigint() }}) as id,
        cast(organizations.external_id as {{ dbt.type_string() }}) as account_id,
        cast(requesters.email as {{ dbt.type_string() }}) as requester_email,
        cast(tickets.subject as {{ dbt.type_string() }}) as subject,
        cast({{ zendesk_channel('tickets.via_channel') }} as {{ dbt.type_string() }}) as channel,
        cast(tickets.priority as {{ dbt.type_string() }}) as priority,
        cast(
            case
                when coalesce(tickets._fivetran_deleted, false) then 'deleted'
                else tickets.status
            end as {{ dbt.type_string() }}
        ) as status,
        cast(tickets.assignee_id as {{ dbt.type_bigint() }}) as assignee_id,
        cast(agent_groups.name as {{ dbt.type_string() }}) as group_name,
        cast(tickets.created_at as {{ type_timestamptz() }}) as created_at,
        cast(tickets.updated_at as {{ type_timestamptz() }}) as updated_at,
        cast(tickets._fivetran_synced as {{ type_timestamptz() }}) as _loaded_at

    from tickets
    left join users as requesters
        on tickets.requester_id = requesters.id
    left join organizations
        on tickets.organization_id = organizations.id
    left join agent_groups
        on tickets.group_id = agent_groups.id

)

select * from final
