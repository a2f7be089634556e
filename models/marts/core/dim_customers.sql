{#- One row per customer on the shared customer key, with the attributes KPIs slice by (how each
    is decided: int_customer_attributes_resolved, and int_customer_acquisition_channels_decided for
    the acquisition channel) and whether it fits the ideal customer profile (int_customers_icp_matched). -#}

with

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

acquisition_channels as (

    select * from {{ ref('int_customer_acquisition_channels_decided') }}

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
        acquisition_channels.acquisition_channel,
        acquisition_channels.acquisition_channel_origin,
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
    inner join acquisition_channels
        on customers.customer_id = acquisition_channels.customer_id
    inner join icp_matches
        on customers.customer_id = icp_matches.customer_id

)

select * from final
