{#- Every record that can belong to a customer, mapped to the one customer key.
    customer_id = the CRM account id when the record can be tied to a CRM account, else the billing
    customer id (self-serve customers never touch the CRM). Each record brings the links its system
    has (a CRM account id, a billing customer id, an email); one resolution applies to all of them.
    A CRM account soft-deleted after the grace period still counts as a link (a deletion never
    rewrites history); one removed as an entry error is not in staging and does not.
    Records that cannot be tied to either keep a null customer_id and say so in match_method. -#}

with

accounts as {{ inline_cte() }} (

    select * from {{ ref('stg_crm__accounts') }}

),

billing_customers as {{ inline_cte() }} (

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

billing_customer_keys as {{ inline_cte() }} (

    select
        billing_customers.billing_customer_id,
        billing_customers.email,
        coalesce(accounts.account_id, billing_customers.billing_customer_id) as customer_id

    from billing_customers
    left join accounts
        on billing_customers.crm_account_id = accounts.account_id

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

record_links as (

    select
        'crm_account' as source_system,
        account_id as source_record_id,
        account_id as crm_account_id,
        cast(null as {{ dbt.type_string() }}) as billing_customer_id,
        cast(null as {{ dbt.type_string() }}) as email
    from accounts

    union all

    select
        'billing_customer' as source_system,
        billing_customer_id as source_record_id,
        crm_account_id,
        billing_customer_id,
        cast(null as {{ dbt.type_string() }}) as email
    from billing_customers

    union all

    select
        'product_user' as source_system,
        product_user_id as source_record_id,
        crm_account_id,
        billing_customer_id,
        cast(null as {{ dbt.type_string() }}) as email
    from product_users

    union all

    select
        'support_ticket' as source_system,
        cast(ticket_id as {{ dbt.type_string() }}) as source_record_id,
        crm_account_id,
        cast(null as {{ dbt.type_string() }}) as billing_customer_id,
        requester_email as email
    from tickets

    union all

    select
        'nps_response' as source_system,
        cast(nps_response_id as {{ dbt.type_string() }}) as source_record_id,
        crm_account_id,
        billing_customer_id,
        cast(null as {{ dbt.type_string() }}) as email
    from nps_responses

),

resolved as (

    select
        record_links.source_system,
        record_links.source_record_id,
        coalesce(
            linked_accounts.account_id,
            billing_customer_keys.customer_id,
            email_keys.customer_id
        ) as customer_id,
        case
            when linked_accounts.account_id is not null then 'crm_account_id'
            when billing_customer_keys.customer_id is not null then 'billing_customer_id'
            when email_keys.customer_id is not null then 'requester_email'
            else 'unmatched'
        end as match_method

    from record_links
    left join accounts as linked_accounts
        on record_links.crm_account_id = linked_accounts.account_id
    left join billing_customer_keys
        on record_links.billing_customer_id = billing_customer_keys.billing_customer_id
    left join email_keys
        on lower(trim(record_links.email)) = email_keys.email

),

final as (

    select
        *,
        customer_id is not null as is_matched

    from resolved

)

select * from final
