{#- One row per customer on the shared customer key, with the attributes KPIs slice by (how each
    is decided: int_customer_attributes_resolved). -#}

with

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

final as (

    select
        customer_id,
        crm_account_id,
        first_billing_customer_id,
        account_owner_user_id,
        customer_name,
        acquisition_motion,
        segment,
        industry,
        region,
        country_code,
        billing_currency_code,
        billing_customer_count,
        has_billing_customer,
        crm_account_created_at,
        first_billing_customer_created_at

    from customers

)

select * from final
