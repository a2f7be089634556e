{#- support.agents from Fivetran's Zendesk `user` table: the users whose role is agent or admin,
    and, as inactive agents, the users ever assigned a ticket whose role is now end-user (agents
    who left: Zendesk's advice is to downgrade a leaving agent to end user); their team is their
    default group. A deleted user (inactive, or gone from Zendesk) is an inactive agent. -#}

with

users as (

    select * from {{ source('zendesk', 'user') }}

),

agent_groups as (

    select * from {{ source('zendesk', 'group') }}

),

tickets as (

    select * from {{ source('zendesk', 'ticket') }}

),

field_history as (

    select * from {{ source('zendesk', 'ticket_field_history') }}

),

assigned_users as (

    {{ zendesk_assigned_users('tickets', 'field_history') }}

),

agent_users as (

    select
        users.*,
        lower(trim(users.role)) in ('agent', 'admin') as has_agent_role

    from users
    left join assigned_users
        on cast(users.id as {{ dbt.type_string() }}) = assigned_users.user_key
    where
        lower(trim(users.role)) in ('agent', 'admin')
        or assigned_users.user_key is not null

),

final as (

    {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
    select
        -- ids
        cast(agent_users.id as {{ dbt.type_bigint() }}) as id,

        -- strings
        cast(agent_users.name as {{ dbt.type_string() }}) as name,  -- noqa: RF04
        cast(agent_users.email as {{ dbt.type_string() }}) as email,

        -- enums
        cast(
            case when agent_users.has_agent_role then agent_users.role else 'agent' end as {{ dbt.type_string() }}
        ) as role,  -- noqa: RF04
        cast(agent_groups.name as {{ dbt.type_string() }}) as team,

        -- booleans
        cast(
            agent_users.has_agent_role
            and coalesce(agent_users.active, true)
            and not coalesce(agent_users._fivetran_deleted, false)
            as {{ dbt.type_boolean() }}
        ) as is_active,

        -- timestamps
        cast(agent_users.created_at as {{ type_timestamptz() }}) as created_at,
        cast(agent_users._fivetran_synced as {{ type_timestamptz() }}) as _loaded_at

    from agent_users
    left join agent_groups
        on agent_users.default_group_id = agent_groups.id

)

select * from final
