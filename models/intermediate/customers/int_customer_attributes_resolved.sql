{#- One row per customer on the shared customer key: every CRM account and every self-serve
    billing customer, with the attributes KPIs slice by, each decided here: the first billing
    customer of a key, the acquisition motion, and the region (the CRM's, else the billing
    country's, else unassigned). dim_customers serves it to BI. -#}

with

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

accounts as (

    select * from {{ ref('stg_crm__accounts') }}

),

billing_customers as (

    select * from {{ ref('stg_billing__customers') }}

),

country_regions as (

    select * from {{ ref('country_regions') }}

),

billing_by_customer as (

    select
        identifiers.customer_id,
        billing_customers.billing_customer_id,
        billing_customers.customer_name,
        billing_customers.currency_code,
        billing_customers.country_code,
        billing_customers.created_at,
        row_number() over (
            partition by identifiers.customer_id
            order by billing_customers.created_at, billing_customers.billing_customer_id
        ) as billing_customer_rank,
        count(*) over (partition by identifiers.customer_id) as billing_customer_count

    from identifiers
    inner join billing_customers
        on identifiers.source_record_id = billing_customers.billing_customer_id
    where identifiers.source_system = 'billing_customer'

),

first_billing_customers as (

    select * from billing_by_customer
    where billing_customer_rank = 1

),

customer_ids as (

    select distinct customer_id
    from identifiers
    where source_system in ('crm_account', 'billing_customer')

),

final as (

    select
        -- ids
        customer_ids.customer_id,
        accounts.account_id as crm_account_id,
        first_billing_customers.billing_customer_id as first_billing_customer_id,
        accounts.owner_user_id as account_owner_user_id,

        -- attributes
        coalesce(accounts.account_name, first_billing_customers.customer_name) as customer_name,
        case when accounts.account_id is null then 'self_serve' else 'sales_led' end as acquisition_motion,
        coalesce(accounts.segment, 'self_serve') as segment,
        coalesce(accounts.industry, 'unknown') as industry,
        coalesce(accounts.region, country_regions.region, 'unassigned') as region,
        coalesce(accounts.billing_country_code, first_billing_customers.country_code) as country_code,
        first_billing_customers.currency_code as billing_currency_code,

        -- numerics
        coalesce(first_billing_customers.billing_customer_count, 0) as billing_customer_count,

        -- booleans
        first_billing_customers.billing_customer_id is not null as has_billing_customer,

        -- timestamps
        accounts.created_at as crm_account_created_at,
        first_billing_customers.created_at as first_billing_customer_created_at

    from customer_ids
    left join accounts
        on customer_ids.customer_id = accounts.account_id
    left join first_billing_customers
        on customer_ids.customer_id = first_billing_customers.customer_id
    left join country_regions
        on
            coalesce(accounts.billing_country_code, first_billing_customers.country_code)
            = country_regions.country_code

)

select * from final
