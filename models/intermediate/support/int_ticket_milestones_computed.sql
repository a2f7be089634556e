{#- One row per live ticket with the milestones its audit log shows: the first public reply by an
    agent and the count of such replies (and of the requester's public comments), every solve and
    reopening, and the final solve the resolution time is measured to.
    Calendar hours; the drill-through fact fct_tickets adds the slices. -#}

with

tickets as (

    select * from {{ ref('stg_support__tickets') }}

),

ticket_events as (

    select * from {{ ref('stg_support__ticket_events') }}

),

public_comments as (

    {#- A response is a public comment by an agent; a private internal note is not seen by the
        requester and is no response, nor is an end user's own comment, which is counted apart (the
        requester's side of the conversation). -#}
    select
        ticket_id,
        min(case when author_role = 'agent' then created_at end) as first_agent_reply_at,
        sum(case when author_role = 'agent' then 1 else 0 end) as public_agent_replies,
        sum(case when author_role = 'end_user' then 1 else 0 end) as public_requester_comments

    from ticket_events
    where
        event_type = 'comment'
        and author_role in ('agent', 'end_user')
        and is_public
    group by ticket_id

),

status_transitions as (

    {#- A solve is a status change into solved or closed from any other status (solved to closed
        is the automatic lock of a solved ticket, not a new solve); a reopening is a change from
        solved or closed back to a working status (a deletion is neither). -#}
    select
        ticket_id,
        created_at,
        case
            when
                new_status in ('solved', 'closed')
                and coalesce(previous_status, 'new') not in ('solved', 'closed')
                then 1
            else 0
        end as is_solve,
        case
            when {{ is_ticket_reopening('previous_status', 'new_status') }} then 1
            else 0
        end as is_reopening

    from ticket_events
    where field_name = 'status'

),

status_milestones as (

    select
        ticket_id,
        min(case when is_solve = 1 then created_at end) as first_solved_at,
        max(case when is_solve = 1 then created_at end) as last_solved_at,
        max(case when is_reopening = 1 then created_at end) as last_reopened_at,
        sum(is_reopening) as reopen_count

    from status_transitions
    group by ticket_id

),

final as (

    {#- The final solve is the last solve, and only while the ticket is solved or closed now and
        was not reopened after it: a ticket currently reopened has none, so a reopened ticket
        counts once, at its final solve. Durations run from the ticket's creation and are clamped
        at 0 (an event stamped before the ticket's creation is a clock difference, not a negative
        wait). -#}
    select
        -- ids
        tickets.ticket_id,
        tickets.crm_account_id,
        tickets.assignee_agent_id,

        -- attributes
        tickets.channel,
        tickets.priority,
        tickets.status,
        cast(coalesce(status_milestones.reopen_count, 0) as {{ dbt.type_int() }}) as reopen_count,
        cast(coalesce(public_comments.public_agent_replies, 0) as {{ dbt.type_int() }}) as public_agent_replies,
        cast(coalesce(public_comments.public_requester_comments, 0) as {{ dbt.type_int() }})
            as public_requester_comments,

        -- timestamps
        tickets.created_at,
        public_comments.first_agent_reply_at,
        status_milestones.first_solved_at,
        case
            {# A ticket deleted after its solve keeps it: a deletion never rewrites history. #}
            when
                tickets.status in ('solved', 'closed', 'deleted')
                and (
                    status_milestones.last_reopened_at is null
                    or status_milestones.last_solved_at >= status_milestones.last_reopened_at
                )
                then status_milestones.last_solved_at
        end as final_solved_at

    from tickets
    left join public_comments
        on tickets.ticket_id = public_comments.ticket_id
    left join status_milestones
        on tickets.ticket_id = status_milestones.ticket_id

)

select * from final
