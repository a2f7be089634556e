{#- Prices (raw contract `billing.prices`) from Fivetran's Stripe `price` table: one row per price.
    The plan tier is a metadata key (var `stripe_plan_tier_metadata_key`) of the price, else of its
    product (optional table `product`). -#}
{%- set plan_tier_key = var('stripe_plan_tier_metadata_key') -%}
with

price as (

    select * from {{ source('stripe', 'price') }}

),

product as (

    select * from {{ source('stripe', 'product') }}

),

final as (

    select
        -- ids
        price.id,
        price.product_id,

        -- strings
        coalesce(
            {{ json_text_field('price.metadata', plan_tier_key) }},
            {{ json_text_field('product.metadata', plan_tier_key) }}
        ) as plan_tier,
        price.recurring_interval,

        -- numerics (unit_amount in integer minor units of currency)
        cast(price.recurring_interval_count as integer) as recurring_interval_count,
        cast(price.unit_amount as bigint) as unit_amount,
        price.currency,

        -- booleans
        price.active,

        -- timestamps
        price.created,

        -- sync
        price._fivetran_synced as _loaded_at

    from price
    left join product
        on price.product_id = product.id

)

select * from final
