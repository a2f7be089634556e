{#- The NPS score of each paying customer × month: the score of the customer's latest NPS answer
    (response → shared customer key) answered in the month or the eleven before, up to the month's
    snapshot date (reporting timezone). Months without an answer in that window have no row. -#}

with

paying_months as (

    select * from {{ ref('int_customer_paying_months_listed') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

nps_responses as (

    select * from {{ ref('stg_support__nps_responses') }}

),

nps_answers as (

    select
        identifiers.customer_id,
        nps_responses.nps_response_id,
        nps_responses.responded_at,
        {{ to_reporting_date('nps_responses.responded_at') }} as responded_date,
        nps_responses.score
    from nps_responses
    inner join identifiers
        on
            identifiers.source_system = 'nps_response'
            and cast(nps_responses.nps_response_id as {{ dbt.type_string() }}) = identifiers.source_record_id
    where nps_responses.has_responded

),

nps_ranked as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        nps_answers.score,
        row_number() over (
            partition by paying_months.customer_id, paying_months.month_start_date
            order by nps_answers.responded_at desc, nps_answers.nps_response_id desc
        ) as answer_rank
    from paying_months
    inner join nps_answers
        on
            paying_months.customer_id = nps_answers.customer_id
            and nps_answers.responded_date between paying_months.last_12_months_start_date and paying_months.snapshot_date

),

final as (

    select
        customer_id,
        month_start_date,
        score as latest_nps_score
    from nps_ranked
    where answer_rank = 1

)

select * from final
