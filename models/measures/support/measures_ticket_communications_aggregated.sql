{#- The public comments (agents' and requesters') of the tickets finally solved in each period and
    those tickets, per breakdown of measures_resolved_tickets_aggregated (every period has its
    company row there, so here too), plus an author_side breakdown at company level that splits the
    comments, not the tickets: each side's comments over all the solved tickets, so its two rows add
    up to the company row. Feeds communications_per_ticket. -#}

with

resolved_tickets as (

    select * from {{ ref('measures_resolved_tickets_aggregated') }}

),

communications as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        resolved_tickets,
        public_agent_replies + public_requester_comments as public_comments

    from resolved_tickets

),

communications_by_author_side as (

    select
        period_grain,
        period_start,
        'author_side' as dimension,
        'agent' as dimension_value,
        resolved_tickets,
        public_agent_replies as public_comments

    from resolved_tickets
    where dimension = 'all'

    union all

    select
        period_grain,
        period_start,
        'author_side' as dimension,
        'requester' as dimension_value,
        resolved_tickets,
        public_requester_comments as public_comments

    from resolved_tickets
    where dimension = 'all'

),

final as (

    select * from communications
    union all
    select * from communications_by_author_side

)

select * from final
