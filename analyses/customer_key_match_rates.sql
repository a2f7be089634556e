{#- How well the shared customer key covers each system: records per source system and match
    method, and the share that could not be tied to a customer. Unmatched records are kept (with a
    null customer_id), never dropped; this shows how many there are. -#}

with

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

by_method as (

    select
        source_system,
        match_method,
        count(*) as records

    from identifiers
    group by source_system, match_method

),

final as (

    select
        source_system,
        match_method,
        records,
        {{ divided('records', 'sum(records) over (partition by source_system)') }} as share_of_source_system

    from by_method

)

select * from final
order by source_system, match_method
