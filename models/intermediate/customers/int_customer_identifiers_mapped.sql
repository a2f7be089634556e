{#- Every record that can belong to a customer, mapped to the one customer key.
    customer_id = the CRM account id when the record can be tied to a CRM account, else the billing
    customer id (self-serve customers never touch the CRM). Records that cannot be tied to either
    keep a null customer_id and say why in match_method. -#}

with

accounts as (

    select * from {{ ref('stg_crm__accounts') }}

),

billing_customers as (

    select * from {{ ref('stg_billing__customers') }}

),

product_users as (

    select * from {{ ref('stg_product__users') }}

),

tickets as (

    select * from {{ ref('stg_support__tickets') }}

),

nps_responses as (

    select * from {{ ref('stg_support__nps_responses') }}

),

billing_customer_keys as (

    select
        billing_customer_id,
        email,
        coalesce(crm_account_id, billing_customer_id) as customer_id,
        case
            when crm_account_id is not null then 'billing_crm_account_id'
            else 'billing_self_serve'
        end as match_method

    from billing_customers

),

email_keys as (

    {#- An email identifies a customer only when every billing customer with it has the same key. -#}
    select
        email,
        min(customer_id) as customer_id

    from billing_customer_keys
    where email is not null
    group by email
    having count(distinct customer_id) = 1

),

account_rows as (

    select
        'crm_account' as source_system,
        account_id as source_record_id,
        account_id as customer_id,
        'crm_account' as match_method

    from accounts

),

billing_rows as (

    select
        'billing_customer' as source_system,
        billing_customer_id as source_record_id,
        customer_id,
        match_method

    from billing_customer_keys

),

product_user_rows as (

    select
        'product_user' as source_system,
        product_users.product_user_id as source_record_id,
        coalesce(product_users.crm_account_id, billing_customer_keys.customer_id) as customer_id,
        case
            when product_users.crm_account_id is not null then 'product_crm_account_id'
            when billing_customer_keys.customer_id is not null then 'product_billing_customer_id'
            else 'unmatched'
        end as match_method

    from product_users
    left join billing_customer_keys
        on product_users.billing_customer_id = billing_customer_keys.billing_customer_id

),

ticket_rows as (

    select
        'support_ticket' as source_system,
        cast(tickets.ticket_id as {{ dbt.type_string() }}) as source_record_id,
        coalesce(tickets.crm_account_id, email_keys.customer_id) as customer_id,
        case
            when tickets.crm_account_id is not null then 'ticket_crm_account_id'
            when email_keys.customer_id is not null then 'ticket_requester_email'
            else 'unmatched'
        end as match_method

    from tickets
    left join email_keys
        on lower(trim(tickets.requester_email)) = email_keys.email

),

nps_rows as (

    select
        'nps_response' as source_system,
        cast(nps_responses.nps_response_id as {{ dbt.type_string() }}) as source_record_id,
        coalesce(nps_responses.crm_account_id, billing_customer_keys.customer_id) as customer_id,
        case
            when nps_responses.crm_account_id is not null then 'nps_crm_account_id'
            when billing_customer_keys.customer_id is not null then 'nps_billing_customer_id'
            else 'unmatched'
        end as match_method

    from nps_responses
    left join billing_customer_keys
        on nps_responses.billing_customer_id = billing_customer_keys.billing_customer_id

),

unioned as (

    select * from account_rows
    union all
    select * from billing_rows
    union all
    select * from product_user_rows
    union all
    select * from ticket_rows
    union all
    select * from nps_rows

),

final as (

    select
        source_system,
        source_record_id,
        customer_id,
        match_method,
        customer_id is not null as is_matched

    from unioned

)

select * from final
