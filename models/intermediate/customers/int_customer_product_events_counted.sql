{#- Product usage of each paying customer × month: the tracked events of the customer's product
    users (product user → shared customer key) in the 30 days ending on the month's snapshot date,
    in the 60 days before those, and up to the snapshot date (reporting timezone), and the users
    active in those 30 days (with an event). Months with no event up to the snapshot date have no
    row. -#}

with

paying_months as (

    select * from {{ ref('int_customer_paying_months_listed') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

product_users as (

    select * from {{ ref('stg_product__users') }}

),

tracks as (

    select * from {{ ref('stg_product__tracks') }}

),

usage_events as (

    select
        identifiers.customer_id,
        tracks.product_user_id,
        {{ to_reporting_date('tracks.occurred_at') }} as event_date
    from tracks
    inner join product_users
        on tracks.product_user_id = product_users.product_user_id
    inner join identifiers
        on
            identifiers.source_system = 'product_user'
            and product_users.product_user_id = identifiers.source_record_id

),

final as (

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
        count(*) as events_to_date,
        count(
            distinct case
                when usage_events.event_date >= paying_months.last_30_days_start_date then usage_events.product_user_id
            end
        ) as active_users_last_30_days
    from paying_months
    inner join usage_events
        on
            paying_months.customer_id = usage_events.customer_id
            and paying_months.snapshot_date >= usage_events.event_date
    group by paying_months.customer_id, paying_months.month_start_date

)

select * from final
