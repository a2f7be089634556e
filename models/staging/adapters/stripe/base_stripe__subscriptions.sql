{#- Subscriptions (raw contract `billing.subscriptions`) from Fivetran's Stripe
    `subscription_history` (history mode: the current version of each subscription) and
    `subscription_item` (its price and seats). The contract has one price per subscription: that of
    its first item, i.e. among the items still billed (the latest current period end, where Stripe
    gives items one) the earliest created, then the lowest id. Further items are not represented
    here, though their invoice lines are in billing.invoice_line_items. -#}
with

subscription_history as (

    select * from {{ source('stripe', 'subscription_history') }}

),

subscription_item as (

    select * from {{ source('stripe', 'subscription_item') }}

),

current_subscriptions as (

    select * from subscription_history
    where _fivetran_active

),

ranked_items as (

    select
        subscription_id,
        plan_id,
        quantity,
        current_period_start,
        current_period_end,
        row_number() over (
            partition by subscription_id
            order by current_period_end desc nulls last, created asc, id asc
        ) as item_rank
    from subscription_item

),

first_items as (

    select * from ranked_items
    where item_rank = 1

),

final as (

    select
        -- ids
        current_subscriptions.id,
        current_subscriptions.customer_id,
        first_items.plan_id as price_id,

        -- numerics: the item's seats, else the legacy single-item field
        cast(coalesce(first_items.quantity, current_subscriptions.quantity) as integer) as quantity,

        -- enums
        current_subscriptions.status,

        -- timestamps; the current period moved to the items in Stripe API version 2025-03-31
        current_subscriptions.trial_start,
        current_subscriptions.trial_end,
        current_subscriptions.start_date,
        coalesce(
            current_subscriptions.current_period_start, first_items.current_period_start
        ) as current_period_start,
        coalesce(current_subscriptions.current_period_end, first_items.current_period_end) as current_period_end,
        current_subscriptions.cancel_at,
        current_subscriptions.canceled_at,
        current_subscriptions.ended_at,
        current_subscriptions.created,

        -- sync
        current_subscriptions._fivetran_synced as _loaded_at

    from current_subscriptions
    left join first_items
        on current_subscriptions.id = first_items.subscription_id

)

select * from final
