{#- support.ticket_events from Fivetran's Zendesk tables: the ticket's status history
    (ticket_field_history, field `status`: its first value is the ticket's Create event, every later
    one a Change with the value before it) and its comments (ticket_comment: public replies and
    private internal notes, `public` as is_public) after the description every ticket opens with.
    The author's role comes from the user: agents and admins (and users ever assigned a ticket,
    agents since downgraded to end user) are 'agent', other users 'end-user', Zendesk itself (user
    -1, or no user recorded) 'system'. Changes of other fields are not events
    of the contract.

    Ids: a comment keeps its Zendesk comment id (positive, unique). A status change has no id in
    Fivetran; its key is (ticket_id, updated), since the field history's primary key is (ticket_id,
    field_name, updated) and Zendesk timestamps are whole seconds, so its id is
    -(ticket_id * 10^10 + seconds from 1970-01-01 UTC to `updated`): negative, so it never meets a
    comment id, unique while ticket ids stay below 9.2 * 10^8 and `updated` before 2286, and the
    same on every build. -#}

with

ticket_comments as (

    select * from {{ source('zendesk', 'ticket_comment') }}

),

field_history as (

    select * from {{ source('zendesk', 'ticket_field_history') }}

),

tickets as (

    select * from {{ source('zendesk', 'ticket') }}

),

users as (

    select * from {{ source('zendesk', 'user') }}

),

assigned_users as (

    {{ zendesk_assigned_users('tickets', 'field_history') }}

),

authors as (

    {#- Agents and admins, and users ever assigned a ticket (agents since downgraded), are agents. -#}
    select
        users.id as user_id,
        case
            when lower(trim(users.role)) in ('agent', 'admin') or assigned_users.user_key is not null then 'agent'
            else 'end-user'
        end as author_role

    from users
    left join assigned_users
        on cast(users.id as {{ dbt.type_string() }}) = assigned_users.user_key

),

numbered_comments as (

    select
        ticket_comments.*,
        row_number() over (
            partition by ticket_comments.ticket_id
            order by ticket_comments.created, ticket_comments.id
        ) as comment_number

    from ticket_comments
    where not coalesce(ticket_comments._fivetran_deleted, false)

),

replies as (

    {#- Every ticket opens with a comment, its description, made when the ticket is created: the
        contract's Create event stands for it. Kept as a reply, a ticket an agent opened for a caller
        would have its first response at creation. -#}
    select numbered_comments.*

    from numbered_comments
    left join tickets
        on numbered_comments.ticket_id = tickets.id
    where
        numbered_comments.comment_number > 1
        or tickets.created_at is null
        or numbered_comments.created > tickets.created_at

),

comment_events as (

    select
        cast(id as {{ dbt.type_bigint() }}) as id,
        ticket_id,
        'comment' as event_type,
        user_id as author_user_id,
        cast(null as {{ dbt.type_string() }}) as field_name,
        cast(null as {{ dbt.type_string() }}) as previous_value,
        cast(null as {{ dbt.type_string() }}) as new_value,
        cast(public as {{ dbt.type_boolean() }}) as is_public,
        created as created_at,
        _fivetran_synced as loaded_at

    from replies

),

status_changes as (

    select
        ticket_id,
        user_id,
        value,
        updated,
        _fivetran_synced,
        lag(value) over (partition by ticket_id order by updated) as previous_value,
        row_number() over (partition by ticket_id order by updated) as change_number

    from field_history
    where field_name = 'status'

),

status_events as (

    select
        -(
            cast(ticket_id as {{ dbt.type_bigint() }}) * 10000000000
            + {{ dbt.datediff(
                "cast('1970-01-01 00:00:00' as " ~ dbt.type_timestamp() ~ ")", to_utc_timestamp('updated'), 'second'
            ) }}
        ) as id,
        ticket_id,
        case when change_number = 1 then 'create' else 'change' end as event_type,
        user_id as author_user_id,
        'status' as field_name,
        previous_value,
        value as new_value,
        cast(null as {{ dbt.type_boolean() }}) as is_public,
        updated as created_at,
        _fivetran_synced as loaded_at

    from status_changes

),

events as (

    select * from comment_events
    union all
    select * from status_events

),

final as (

    {#- The contract's columns, in its order. An agent's id is kept; an end user's is not (the
        contract has agent ids only); Zendesk's own -1 is. -#}
    select
        cast(events.id as {{ dbt.type_bigint() }}) as id,
        cast(events.ticket_id as {{ dbt.type_bigint() }}) as ticket_id,
        cast(events.event_type as {{ dbt.type_string() }}) as event_type,
        cast(
            case
                when authors.author_role = 'agent' or events.author_user_id < 0 then events.author_user_id
            end as {{ dbt.type_bigint() }}
        ) as author_id,
        cast(
            case
                when events.author_user_id is null or events.author_user_id < 0 then 'system'
                else coalesce(authors.author_role, 'end-user')
            end as {{ dbt.type_string() }}
        ) as author_role,
        cast(events.field_name as {{ dbt.type_string() }}) as field_name,
        cast(events.previous_value as {{ dbt.type_string() }}) as previous_value,
        cast(events.new_value as {{ dbt.type_string() }}) as value,
        cast(events.is_public as {{ dbt.type_boolean() }}) as is_public,
        cast(events.created_at as {{ type_timestamptz() }}) as created_at,
        cast(events.loaded_at as {{ type_timestamptz() }}) as _loaded_at

    from events
    left join authors
        on events.author_user_id = authors.user_id

)

select * from final
