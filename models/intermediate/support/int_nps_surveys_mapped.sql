{#- One row per NPS survey sent, on the shared customer key, with the dates (reporting timezone)
    it was sent and answered and the customer's plan tier in the month of the send and of the
    answer (null when the customer had no MRR row that month). -#}

with

nps_responses as (

    select * from {{ ref('stg_support__nps_responses') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}
    where source_system = 'nps_response'

),

customer_months as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

surveys as (

    select
        nps_responses.nps_response_id,
        identifiers.customer_id,
        nps_responses.score,
        nps_responses.has_responded,
        {{ to_reporting_date('nps_responses.sent_at') }} as sent_date,
        {{ to_reporting_date('nps_responses.responded_at') }} as responded_date

    from nps_responses
    left join identifiers
        on cast(nps_responses.nps_response_id as {{ dbt.type_string() }}) = identifiers.source_record_id

),

surveys_with_months as (

    select
        *,
        cast({{ dbt.date_trunc('month', 'sent_date') }} as date) as sent_month_start_date,
        cast({{ dbt.date_trunc('month', 'responded_date') }} as date) as responded_month_start_date

    from surveys

),

final as (

    select
        surveys_with_months.nps_response_id,
        surveys_with_months.customer_id,
        surveys_with_months.score,
        surveys_with_months.has_responded,
        surveys_with_months.sent_date,
        surveys_with_months.responded_date,
        sent_months.plan_tier as sent_plan_tier,
        responded_months.plan_tier as responded_plan_tier

    from surveys_with_months
    left join customer_months as sent_months
        on
            surveys_with_months.customer_id = sent_months.customer_id
            and surveys_with_months.sent_month_start_date = sent_months.month_start_date
    left join customer_months as responded_months
        on
            surveys_with_months.customer_id = responded_months.customer_id
            and surveys_with_months.responded_month_start_date = responded_months.month_start_date

)

select * from final
