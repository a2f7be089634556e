{#- The raw measures behind the customer health score: one row per paying customer × month
    (int_customer_paying_months_listed: the months with positive MRR in the revenue spine), each
    measure taken from data dated up to the month's snapshot date (its last day, or the as-of date
    in the current month), never later, by the int_customer_*_counted, _picked and _dated models;
    a signal without data in its window is 0 (counts) or null (NPS score, last contact). The
    normalisation into risks and the weighting are in fct_customer_health_monthly. -#}

with

paying_months as (

    select * from {{ ref('int_customer_paying_months_listed') }}

),

failed_payment_counts as (

    select * from {{ ref('int_customer_failed_payments_counted') }}

),

ticket_counts as (

    select * from {{ ref('int_customer_tickets_counted') }}

),

latest_nps as (

    select * from {{ ref('int_customer_nps_scores_picked') }}

),

usage_counts as (

    select * from {{ ref('int_customer_product_events_counted') }}

),

last_contacts as (

    select * from {{ ref('int_customer_contacts_dated') }}

),

final as (

    select
        -- keys
        paying_months.customer_id,
        paying_months.month_start_date,
        paying_months.snapshot_date,

        -- revenue
        paying_months.mrr,
        paying_months.mrr_3_months_earlier,
        paying_months.has_contraction_last_3_months,

        -- billing
        coalesce(failed_payment_counts.failed_payments_last_3_months, 0) as failed_payments_last_3_months,

        -- support (conditional sums cast to bigint: DuckDB sums integers to a 128-bit hugeint,
        -- which Parquet and many BI drivers cannot hold)
        coalesce(ticket_counts.tickets_last_3_months, 0) as tickets_last_3_months,
        coalesce(ticket_counts.reopened_tickets_last_3_months, 0) as reopened_tickets_last_3_months,
        coalesce(ticket_counts.csat_answers_last_6_months, 0) as csat_answers_last_6_months,
        cast(coalesce(ticket_counts.unsatisfied_csat_answers_last_6_months, 0) as {{ dbt.type_bigint() }}) as unsatisfied_csat_answers_last_6_months,
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
    left join failed_payment_counts
        on
            paying_months.customer_id = failed_payment_counts.customer_id
            and paying_months.month_start_date = failed_payment_counts.month_start_date
    left join ticket_counts
        on
            paying_months.customer_id = ticket_counts.customer_id
            and paying_months.month_start_date = ticket_counts.month_start_date
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
