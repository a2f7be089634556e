{#- One row per customer and month in which the customer has a subscription in service at the
    month's snapshot date (as int_customer_currency_months_snapshotted): the whitespace, the MRR
    the customer would add
    - one tier up: by moving each subscription one tier up var plan_tier_ladder at its current
      quantity. A subscription is on the price of its latest-starting line in service (after a
      mid-period upgrade, the proration charge's price). The next tier's price is the one in the
      same currency and billing interval created last by the snapshot date; the whitespace is its
      list rate minus the current price's, per unit, times the quantity (0 at the top tier, for a
      tier off the ladder, without a next-tier price, or when the next tier is not dearer);
    - in seats: by paying for the product users active in the 30 days ending on the snapshot date
      (int_customer_product_events_counted, the health score's usage signal) beyond the seats
      paid for (the quantities of its subscriptions summed), at the current list rate per seat of
      its largest subscription (list MRR, reporting currency), so at the current tier: the tier
      part already prices the paid seats one tier up, and the extra seats one tier up are in
      neither (a floor, not counted twice). 0 without product usage.
    Reporting currency at the rate of the current line, as its MRR. -#}

with

lines as (

    select * from {{ ref('int_subscription_lines_normalized') }}

),

prices as (

    select * from {{ ref('stg_billing__prices') }}

),

usage_counts as (

    select * from {{ ref('int_customer_product_events_counted') }}

),

months as (

    select
        period_start as month_start_date,
        period_last_date as snapshot_date
    from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'month'

),

subscription_months as (

    {#- Lines in service at the snapshot date, proration credits left out (they give an old price
        back); the latest-starting one is the subscription's current price. -#}
    select
        lines.customer_id,
        lines.subscription_id,
        lines.currency_code,
        lines.interval_months,
        lines.quantity,
        lines.unit_mrr_local,
        lines.fx_rate,
        months.month_start_date,
        months.snapshot_date,
        {{ plan_tier_rank('lines.plan_tier') }} as tier_rank,
        row_number() over (
            partition by lines.subscription_id, months.month_start_date
            order by lines.service_start_date desc, lines.is_proration desc, lines.invoice_line_item_id desc
        ) as recency_rank

    from lines
    inner join months
        on
            lines.service_start_date <= months.snapshot_date
            and lines.service_end_date > months.snapshot_date
    where not lines.is_proration or lines.contracted_mrr_local > 0

),

next_tier_prices as (

    {#- For each subscription-month, the prices of the next tier up in its currency and interval
        that exist by the snapshot date, the latest created first. -#}
    select
        subscription_months.subscription_id,
        subscription_months.month_start_date,
        {{ round_to_scale(divided('prices.unit_amount', 'prices.interval_months'), 6) }} as next_tier_unit_mrr_local,
        row_number() over (
            partition by subscription_months.subscription_id, subscription_months.month_start_date
            order by prices.created_at desc, prices.price_id desc
        ) as price_rank

    from subscription_months
    inner join prices
        on
            subscription_months.currency_code = prices.currency_code
            and subscription_months.interval_months = prices.interval_months
            and subscription_months.tier_rank + 1 = {{ plan_tier_rank('prices.plan_tier') }}
            and {{ to_reporting_date('prices.created_at') }} <= subscription_months.snapshot_date
    where subscription_months.recency_rank = 1

),

subscription_whitespace as (

    {#- Each current subscription's tier whitespace, its seats and its list rate per seat in the
        reporting currency; size_rank 1 is the customer's largest subscription (list MRR, ties by
        subscription id), the one extra seats are priced at. -#}
    select
        subscription_months.customer_id,
        subscription_months.month_start_date,
        subscription_months.quantity,
        {{ convert_currency('subscription_months.unit_mrr_local', 'subscription_months.fx_rate') }}
            as seat_unit_mrr,
        cast(case
            when next_tier_prices.next_tier_unit_mrr_local > subscription_months.unit_mrr_local
                then {{ convert_currency(
                    '(next_tier_prices.next_tier_unit_mrr_local - subscription_months.unit_mrr_local)'
                    ~ ' * subscription_months.quantity',
                    'subscription_months.fx_rate'
                ) }}
            else 0
        end as decimal(38, 10)) as whitespace_mrr,
        row_number() over (
            partition by subscription_months.customer_id, subscription_months.month_start_date
            order by
                subscription_months.unit_mrr_local * subscription_months.quantity * subscription_months.fx_rate desc,
                subscription_months.subscription_id asc
        ) as size_rank

    from subscription_months
    left join next_tier_prices
        on
            subscription_months.subscription_id = next_tier_prices.subscription_id
            and subscription_months.month_start_date = next_tier_prices.month_start_date
            and next_tier_prices.price_rank = 1
    where subscription_months.recency_rank = 1

),

customer_whitespace as (

    select
        customer_id,
        month_start_date,
        sum(quantity) as paid_seats,
        max(case when size_rank = 1 then seat_unit_mrr end) as seat_unit_mrr,
        sum(whitespace_mrr) as tier_whitespace_mrr

    from subscription_whitespace
    group by customer_id, month_start_date

),

final as (

    select
        customer_whitespace.customer_id,
        customer_whitespace.month_start_date,
        cast(customer_whitespace.paid_seats as {{ dbt.type_bigint() }}) as paid_seats,
        cast(coalesce(usage_counts.active_users_last_30_days, 0) as {{ dbt.type_bigint() }})
            as active_users_last_30_days,
        {{ round_to_scale('customer_whitespace.seat_unit_mrr', 6) }} as seat_unit_mrr,
        {{ round_to_scale('customer_whitespace.tier_whitespace_mrr', 2) }} as tier_whitespace_mrr,
        {{ round_to_scale(
            'case when usage_counts.active_users_last_30_days > customer_whitespace.paid_seats'
            ~ ' then (usage_counts.active_users_last_30_days - customer_whitespace.paid_seats)'
            ~ ' * customer_whitespace.seat_unit_mrr else 0 end',
            2
        ) }} as seat_whitespace_mrr

    from customer_whitespace
    left join usage_counts
        on
            customer_whitespace.customer_id = usage_counts.customer_id
            and customer_whitespace.month_start_date = usage_counts.month_start_date

)

select * from final
