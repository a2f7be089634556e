{#- The support signals of each paying customer × month from its tickets (ticket → shared customer
    key), dated in the reporting timezone up to the month's snapshot date: tickets created and
    reopenings in the month and the two before, CSAT answers and the unsatisfied ones among them in
    the month and the five before. Null where the customer had none. -#}

with

paying_months as (

    select * from {{ ref('int_customer_paying_months_listed') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

tickets as (

    select * from {{ ref('stg_support__tickets') }}

),

ticket_events as (

    select * from {{ ref('stg_support__ticket_events') }}

),

satisfaction_ratings as (

    select * from {{ ref('stg_support__satisfaction_ratings') }}

),

customer_tickets as (

    select
        tickets.ticket_id,
        identifiers.customer_id,
        {{ to_reporting_date('tickets.created_at') }} as created_date
    from tickets
    inner join identifiers
        on
            identifiers.source_system = 'support_ticket'
            and cast(tickets.ticket_id as {{ dbt.type_string() }}) = identifiers.source_record_id

),

ticket_counts as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        count(*) as tickets_last_3_months
    from paying_months
    inner join customer_tickets
        on
            paying_months.customer_id = customer_tickets.customer_id
            and customer_tickets.created_date between paying_months.last_3_months_start_date and paying_months.snapshot_date
    group by paying_months.customer_id, paying_months.month_start_date

),

reopenings as (

    {#- Every reopening (macro is_ticket_reopening) of the customer's tickets. -#}
    select
        customer_tickets.customer_id,
        {{ to_reporting_date('ticket_events.created_at') }} as reopened_date
    from ticket_events
    inner join customer_tickets
        on ticket_events.ticket_id = customer_tickets.ticket_id
    where
        ticket_events.field_name = 'status'
        and {{ is_ticket_reopening('ticket_events.previous_status', 'ticket_events.new_status') }}

),

reopening_counts as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        count(*) as reopened_tickets_last_3_months
    from paying_months
    inner join reopenings
        on
            paying_months.customer_id = reopenings.customer_id
            and reopenings.reopened_date between paying_months.last_3_months_start_date and paying_months.snapshot_date
    group by paying_months.customer_id, paying_months.month_start_date

),

csat_answers as (

    {#- An answered survey counts at the date it was last updated (answered); offered-only surveys
        are not answers. -#}
    select
        customer_tickets.customer_id,
        {{ to_reporting_date('satisfaction_ratings.updated_at') }} as answered_date,
        satisfaction_ratings.score
    from satisfaction_ratings
    inner join customer_tickets
        on satisfaction_ratings.ticket_id = customer_tickets.ticket_id
    where satisfaction_ratings.is_rated

),

csat_counts as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        count(*) as csat_answers_last_6_months,
        sum(case when csat_answers.score = 'bad' then 1 else 0 end) as unsatisfied_csat_answers_last_6_months
    from paying_months
    inner join csat_answers
        on
            paying_months.customer_id = csat_answers.customer_id
            and csat_answers.answered_date between paying_months.last_6_months_start_date and paying_months.snapshot_date
    group by paying_months.customer_id, paying_months.month_start_date

),

final as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        ticket_counts.tickets_last_3_months,
        reopening_counts.reopened_tickets_last_3_months,
        csat_counts.csat_answers_last_6_months,
        csat_counts.unsatisfied_csat_answers_last_6_months
    from paying_months
    left join ticket_counts
        on
            paying_months.customer_id = ticket_counts.customer_id
            and paying_months.month_start_date = ticket_counts.month_start_date
    left join reopening_counts
        on
            paying_months.customer_id = reopening_counts.customer_id
            and paying_months.month_start_date = reopening_counts.month_start_date
    left join csat_counts
        on
            paying_months.customer_id = csat_counts.customer_id
            and paying_months.month_start_date = csat_counts.month_start_date

)

select * from final
