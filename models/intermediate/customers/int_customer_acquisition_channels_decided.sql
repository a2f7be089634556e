{#- One row per customer on the shared customer key with the one channel that acquired it, in the
    CRM channel value set (doc crm__channel) plus `unattributed`, and where that channel came from.
    The first of: the channel of the customer's first lead (by creation, then id) converted into its
    CRM account and created by the end of its first paying month (any converted lead when it never
    paid); the lead source channel of its first new-business opportunity with one; the signup source
    of its first product user (by signup, then id), `organic` read as `web`; else `unattributed`. -#}

with

customers as (

    select * from {{ ref('int_customer_attributes_resolved') }}

),

leads as (

    select * from {{ ref('int_leads_progressed') }}

),

opportunities as (

    select * from {{ ref('int_opportunities_described') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

product_users as (

    select * from {{ ref('stg_product__users') }}

),

movements as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

first_paying_months as (

    select
        customer_id,
        min(month_start_date) as first_paying_month_start_date
    from movements
    where movement_type = 'new'
    group by customer_id

),

customer_leads as (

    {#- A lead created after the customer started paying did not acquire it. -#}
    select
        leads.customer_id,
        leads.lead_source_channel as channel,
        row_number() over (
            partition by leads.customer_id
            order by leads.created_at, leads.lead_id
        ) as channel_order

    from leads
    left join first_paying_months
        on leads.customer_id = first_paying_months.customer_id
    where
        leads.customer_id is not null
        and (
            first_paying_months.first_paying_month_start_date is null
            or leads.created_date
            < cast({{ dbt.dateadd('month', 1, 'first_paying_months.first_paying_month_start_date') }} as date)
        )

),

customer_opportunities as (

    select
        customer_id,
        lead_source_channel as channel,
        row_number() over (
            partition by customer_id
            order by created_at, opportunity_id
        ) as channel_order

    from opportunities
    where
        customer_id is not null
        and opportunity_type = 'new_business'
        and lead_source_channel != 'unattributed'

),

customer_signups as (

    {#- Only the first user says how the customer arrived (later users are colleagues it invited);
        `sales_assisted` names no channel. -#}
    select
        identifiers.customer_id,
        case
            when product_users.signup_source = 'organic' then 'web'
            when product_users.signup_source != 'sales_assisted' then product_users.signup_source
        end as channel,
        row_number() over (
            partition by identifiers.customer_id
            order by product_users.signup_at, product_users.product_user_id
        ) as channel_order

    from product_users
    inner join identifiers
        on
            product_users.product_user_id = identifiers.source_record_id
            and identifiers.source_system = 'product_user'
    where identifiers.customer_id is not null

),

final as (

    select
        customers.customer_id,
        coalesce(
            customer_leads.channel, customer_opportunities.channel, customer_signups.channel, 'unattributed'
        ) as acquisition_channel,
        case
            when customer_leads.channel is not null then 'lead'
            when customer_opportunities.channel is not null then 'opportunity'
            when customer_signups.channel is not null then 'signup'
            else 'unattributed'
        end as acquisition_channel_origin

    from customers
    left join customer_leads
        on
            customers.customer_id = customer_leads.customer_id
            and customer_leads.channel_order = 1
    left join customer_opportunities
        on
            customers.customer_id = customer_opportunities.customer_id
            and customer_opportunities.channel_order = 1
    left join customer_signups
        on
            customers.customer_id = customer_signups.customer_id
            and customer_signups.channel_order = 1

)

select * from final
