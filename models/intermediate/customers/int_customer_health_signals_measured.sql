{#- The raw measures behind the customer health score: one row per paying customer × month
    (fct_customer_mrr_monthly with is_paying), each measure taken from data dated up to the month's
    snapshot date (its last day, or the as-of date in the current month), never later. The
    normalisation into risks and the weighting are in fct_customer_health_monthly. -#}

with

customer_months as (

    select * from {{ ref('fct_customer_mrr_monthly') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

payments as (

    select * from {{ ref('stg_billing__payments') }}

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

nps_responses as (

    select * from {{ ref('stg_support__nps_responses') }}

),

product_users as (

    select * from {{ ref('stg_product__users') }}

),

tracks as (

    select * from {{ ref('stg_product__tracks') }}

),

activities as (

    select * from {{ ref('int_lead_activities_mapped') }}

),

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

leads as (

    select * from {{ ref('stg_crm__leads') }}

),

paying_months as (

    select
        customer_id,
        month_start_date,
        snapshot_date,
        cast({{ dbt.dateadd('month', -2, 'month_start_date') }} as date) as last_3_months_start_date,
        cast({{ dbt.dateadd('month', -5, 'month_start_date') }} as date) as last_6_months_start_date,
        cast({{ dbt.dateadd('month', -11, 'month_start_date') }} as date) as last_12_months_start_date,
        cast({{ dbt.dateadd('day', -29, 'snapshot_date') }} as date) as last_30_days_start_date,
        cast({{ dbt.dateadd('day', -89, 'snapshot_date') }} as date) as previous_60_days_start_date,
        plan_tier,
        customer_segment,
        region,
        currency_code,
        mrr
    from customer_months
    where is_paying

),

mrr_history as (

    {#- MRR three months earlier (0 when the customer was not paying or not yet a customer) and
        any contraction in the month or the two before it. -#}
    select
        paying_months.customer_id,
        paying_months.month_start_date,
        coalesce(
            max(case when earlier_months.month_start_date = {{ dbt.dateadd('month', -3, 'paying_months.month_start_date') }} then earlier_months.mrr end),
            0
        ) as mrr_3_months_earlier,
        coalesce(
            max(
                case
                    when
                        earlier_months.month_start_date >= paying_months.last_3_months_start_date
                        and earlier_months.movement_type = 'contraction'
                        then 1
                end
            ),
            0
        ) = 1 as has_contraction_last_3_months
    from paying_months
    left join customer_months as earlier_months
        on
            paying_months.customer_id = earlier_months.customer_id
            and earlier_months.month_start_date between
            {{ dbt.dateadd('month', -3, 'paying_months.month_start_date') }} and paying_months.month_start_date
    group by paying_months.customer_id, paying_months.month_start_date

),

customer_payments as (

    select
        identifiers.customer_id,
        {{ to_reporting_date('payments.created_at') }} as payment_date
    from payments
    inner join identifiers
        on
            identifiers.source_system = 'billing_customer'
            and payments.billing_customer_id = identifiers.source_record_id
    where payments.status = 'failed'

),

failed_payment_counts as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        count(*) as failed_payments_last_3_months
    from paying_months
    inner join customer_payments
        on
            paying_months.customer_id = customer_payments.customer_id
            and customer_payments.payment_date between paying_months.last_3_months_start_date and paying_months.snapshot_date
    group by paying_months.customer_id, paying_months.month_start_date

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

    {#- A reopening is a status change from solved or closed back to new, open, pending or hold. -#}
    select
        customer_tickets.customer_id,
        {{ to_reporting_date('ticket_events.created_at') }} as reopened_date
    from ticket_events
    inner join customer_tickets
        on ticket_events.ticket_id = customer_tickets.ticket_id
    where
        ticket_events.field_name = 'status'
        and ticket_events.previous_status in ('solved', 'closed')
        and ticket_events.new_status in ('new', 'open', 'pending', 'hold')

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

latest_nps as (

    select
        customer_id,
        month_start_date,
        score as latest_nps_score
    from nps_ranked
    where answer_rank = 1

),

usage_events as (

    select
        identifiers.customer_id,
        {{ to_reporting_date('tracks.occurred_at') }} as event_date
    from tracks
    inner join product_users
        on tracks.product_user_id = product_users.product_user_id
    inner join identifiers
        on
            identifiers.source_system = 'product_user'
            and product_users.product_user_id = identifiers.source_record_id

),

usage_counts as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        sum(case when usage_events.event_date >= paying_months.last_30_days_start_date then 1 else 0 end)
            as events_last_30_days,
        sum(
            case
                when
                    usage_events.event_date >= paying_months.previous_60_days_start_date
                    and usage_events.event_date < paying_months.last_30_days_start_date
                    then 1
                else 0
            end
        ) as events_previous_60_days,
        count(*) as events_to_date
    from paying_months
    inner join usage_events
        on
            paying_months.customer_id = usage_events.customer_id
            and paying_months.snapshot_date >= usage_events.event_date
    group by paying_months.customer_id, paying_months.month_start_date

),

crm_contacts as (

    {#- A sales contact is an activity on one of the account's opportunities or on a lead
        converted into the account. -#}
    select
        coalesce(opportunities.account_id, leads.converted_account_id) as account_id,
        {{ to_reporting_date('activities.activity_at') }} as contact_date
    from activities
    left join opportunities
        on activities.opportunity_id = opportunities.opportunity_id
    left join leads
        on activities.lead_id = leads.lead_id

),

contacts as (

    select
        identifiers.customer_id,
        crm_contacts.contact_date
    from crm_contacts
    inner join identifiers
        on
            identifiers.source_system = 'crm_account'
            and crm_contacts.account_id = identifiers.source_record_id

    union all

    select
        customer_id,
        created_date as contact_date
    from customer_tickets

),

last_contacts as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        max(contacts.contact_date) as last_contact_date
    from paying_months
    inner join contacts
        on
            paying_months.customer_id = contacts.customer_id
            and paying_months.snapshot_date >= contacts.contact_date
    group by paying_months.customer_id, paying_months.month_start_date

),

final as (

    select
        -- keys
        paying_months.customer_id,
        paying_months.month_start_date,
        paying_months.snapshot_date,

        -- attributes as of the month
        paying_months.plan_tier,
        paying_months.customer_segment,
        paying_months.region,
        paying_months.currency_code,

        -- revenue
        paying_months.mrr,
        mrr_history.mrr_3_months_earlier,
        mrr_history.has_contraction_last_3_months,

        -- billing
        coalesce(failed_payment_counts.failed_payments_last_3_months, 0) as failed_payments_last_3_months,

        -- support (conditional sums cast to bigint: DuckDB sums integers to a 128-bit hugeint,
        -- which Parquet and many BI drivers cannot hold)
        coalesce(ticket_counts.tickets_last_3_months, 0) as tickets_last_3_months,
        coalesce(reopening_counts.reopened_tickets_last_3_months, 0) as reopened_tickets_last_3_months,
        coalesce(csat_counts.csat_answers_last_6_months, 0) as csat_answers_last_6_months,
        cast(coalesce(csat_counts.unsatisfied_csat_answers_last_6_months, 0) as {{ dbt.type_bigint() }}) as unsatisfied_csat_answers_last_6_months,
        latest_nps.latest_nps_score,

        -- product usage
        cast(coalesce(usage_counts.events_last_30_days, 0) as {{ dbt.type_bigint() }}) as events_last_30_days,
        cast(coalesce(usage_counts.events_previous_60_days, 0) as {{ dbt.type_bigint() }}) as events_previous_60_days,
        coalesce(usage_counts.events_to_date, 0) > 0 as has_usage_to_date,

        -- contact
        last_contacts.last_contact_date,
        cast(
            {{ dbt.datediff('last_contacts.last_contact_date', 'paying_months.snapshot_date', 'day') }}
            as {{ dbt.type_int() }}
        ) as days_since_last_contact

    from paying_months
    inner join mrr_history
        on
            paying_months.customer_id = mrr_history.customer_id
            and paying_months.month_start_date = mrr_history.month_start_date
    left join failed_payment_counts
        on
            paying_months.customer_id = failed_payment_counts.customer_id
            and paying_months.month_start_date = failed_payment_counts.month_start_date
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
    left join latest_nps
        on
            paying_months.customer_id = latest_nps.customer_id
            and paying_months.month_start_date = latest_nps.month_start_date
    left join usage_counts
        on
            paying_months.customer_id = usage_counts.customer_id
            and paying_months.month_start_date = usage_counts.month_start_date
    left join last_contacts
        on
            paying_months.customer_id = last_contacts.customer_id
            and paying_months.month_start_date = last_contacts.month_start_date

)

select * from final
