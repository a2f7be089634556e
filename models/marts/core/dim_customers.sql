{#- One row per customer on the shared customer key, with the attributes KPIs slice by (how each
    is decided: int_customer_attributes_resolved) and whether it fits the ideal customer profile
    (int_customers_icp_matched). -#}

with

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

icp_matches as (

    select * from {{ ref('int_customers_icp_matched') }}

),

final as (

    select
        customers.customer_id,
        customers.crm_account_id,
        customers.first_billing_customer_id,
        customers.account_owner_user_id,
        customers.customer_name,
        customers.acquisition_motion,
        customers.segment,
        customers.industry,
        customers.region,
        customers.country_code,
        customers.billing_currency_code,
        customers.billing_customer_count,
        customers.has_billing_customer,
        customers.crm_account_created_at,
        customers.first_billing_customer_created_at,
        icp_matches.is_icp

    from customers
    inner join icp_matches
        on customers.customer_id = icp_matches.customer_id

)

select * from final
