{#- One row per plan-tier upgrade of a subscription: a recurring line whose plan tier ranks higher
    on var plan_tier_ladder than the subscription's line before it. In billing an upgrade keeps its
    subscription and changes its price: mid-period it is a proration invoice (a credit on the old
    price and a charge on the new one, from the upgrade day), at a renewal the next period's line is
    on the new price. A customer's second subscription is not an upgrade of its first. The upgrade's
    MRR is the list-rate difference at the old quantity (seat growth that came with it is left
    out), in the invoice currency and in the reporting currency at the new line's rate. -#}

with

lines as (

    select * from {{ ref('int_subscription_lines_normalized') }}

),

subscription_prices as (

    {#- The price a subscription is on over time: its period lines and its proration charges (a
        proration credit gives the old price back and starts no new state), in order of service
        start; on the same day a proration charge comes after the period's line. -#}
    select
        invoice_line_item_id,
        subscription_id,
        customer_id,
        currency_code,
        plan_tier,
        quantity,
        unit_mrr_local,
        fx_rate,
        service_start_date,
        {{ plan_tier_rank('plan_tier') }} as tier_rank,
        lag(plan_tier) over (
            partition by subscription_id
            order by service_start_date, is_proration, invoice_line_item_id
        ) as previous_plan_tier,
        lag(quantity) over (
            partition by subscription_id
            order by service_start_date, is_proration, invoice_line_item_id
        ) as previous_quantity,
        lag(unit_mrr_local) over (
            partition by subscription_id
            order by service_start_date, is_proration, invoice_line_item_id
        ) as previous_unit_mrr_local

    from lines
    where not is_proration or contracted_mrr_local > 0

),

tier_upgrades as (

    {#- A higher tier priced below the old one (a grandfathered price) adds nothing. -#}
    select
        *,
        case
            when unit_mrr_local > previous_unit_mrr_local
                then (unit_mrr_local - previous_unit_mrr_local) * previous_quantity
            else 0
        end as upgrade_mrr_local

    from subscription_prices
    where tier_rank > {{ plan_tier_rank('previous_plan_tier') }}

),

final as (

    select
        -- ids
        invoice_line_item_id,
        subscription_id,
        customer_id,

        -- attributes
        currency_code,
        previous_plan_tier,
        plan_tier,
        previous_quantity,
        quantity,

        -- dates (reporting timezone)
        service_start_date as upgrade_date,
        cast({{ dbt.date_trunc('month', 'service_start_date') }} as date) as month_start_date,

        -- upgrade MRR at the old quantity, list rates
        cast(upgrade_mrr_local as decimal(38, 6)) as upgrade_mrr_local,
        {{ round_to_scale(convert_currency('upgrade_mrr_local', 'fx_rate'), 6) }} as upgrade_mrr

    from tier_upgrades

)

select * from final
