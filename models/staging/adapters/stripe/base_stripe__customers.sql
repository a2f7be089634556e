{#- Billing customers (raw contract `billing.customers`) from Fivetran's Stripe `customer` table:
    one row per customer, its latest state. The CRM account id is a metadata key (var
    `stripe_crm_account_id_metadata_key`); a customer deleted in Stripe keeps its row, flagged. -#}
with

customer as (

    select * from {{ source('stripe', 'customer') }}

),

final as (

    select
        -- ids
        id,

        -- strings
        email,
        name,
        {{ json_text_field('metadata', var('stripe_crm_account_id_metadata_key')) }} as crm_account_id,
        currency,
        address_country as country,

        -- timestamps
        created,

        -- soft delete
        (coalesce(is_deleted, false) or coalesce(_fivetran_deleted, false)) as deleted,

        -- sync
        _fivetran_synced as _loaded_at

    from customer

)

select * from final
