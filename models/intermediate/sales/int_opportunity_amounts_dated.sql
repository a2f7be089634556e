{#- Every amount an opportunity had, from the moment it was set: the opportunity history's amount
    at each change (the history id orders changes at the same timestamp). What reads a deal's amount
    as of a moment (the attribution's amount at first touch) reads it here. -#}

with

opportunity_history as (

    select * from {{ ref('stg_crm__opportunity_history') }}

),

final as (

    select
        opportunity_history_id,
        opportunity_id,
        changed_at,
        amount

    from opportunity_history

)

select * from final
