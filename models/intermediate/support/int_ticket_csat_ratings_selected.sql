{#- One row per ticket with a CSAT answer: its latest answered survey (a survey only offered is no
    rating), as satisfied (good) or unsatisfied (bad), and when it was answered. -#}

with

satisfaction_ratings as (

    select * from {{ ref('stg_support__satisfaction_ratings') }}

),

ranked_ratings as (

    {#- The latest answered survey of a ticket (a survey only offered is no rating). -#}
    select
        ticket_id,
        score,
        updated_at as csat_rated_at,
        row_number() over (
            partition by ticket_id
            order by updated_at desc, satisfaction_rating_id desc
        ) as rating_rank

    from satisfaction_ratings
    where is_rated

),

final as (

    select
        ticket_id,
        case score when 'good' then 'satisfied' when 'bad' then 'unsatisfied' end as csat_rating,
        csat_rated_at

    from ranked_ratings
    where rating_rank = 1

)

select * from final
