{#- The last contact of each paying customer × month: the latest date (reporting timezone), up to
    the month's snapshot date, of a sales activity on one of the account's opportunities or on a
    lead converted into the account, or of a ticket the customer created. Months before any
    contact have no row. -#}

with

paying_months as (

    select * from {{ ref('int_customer_paying_months_listed') }}

),

identifiers as (

    select * from {{ ref('int_customer_identifiers_mapped') }}

),

tickets as (

    select * from {{ ref('stg_support__tickets') }}

),

activities as (

    select * from {{ ref('int_lead_activities_mapped') }}

),

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

leads as (

    select * from {{ ref('stg_crm__leads') }}

),

customer_tickets as (

    select
        identifiers.customer_id,
        {{ to_reporting_date('tickets.created_at') }} as created_date
    from tickets
    inner join identifiers
        on
            identifiers.source_system = 'support_ticket'
            and cast(tickets.ticket_id as {{ dbt.type_string() }}) = identifiers.source_record_id

),

crm_contacts as (

    {#- A sales contact is an activity on one of the account's opportunities or on a lead
        converted into the account. -#}
    select
        coalesce(opportunities.account_id, leads.converted_account_id) as account_id,
        {{ to_reporting_date('activities.activity_at') }} as contact_date
    from activities
    left join opportunities
        on activities.opportunity_id = opportunities.opportunity_id
    left join leads
        on activities.lead_id = leads.lead_id

),

contacts as (

    select
        identifiers.customer_id,
        crm_contacts.contact_date
    from crm_contacts
    inner join identifiers
        on
            identifiers.source_system = 'crm_account'
            and crm_contacts.account_id = identifiers.source_record_id

    union all

    select
        customer_id,
        created_date as contact_date
    from customer_tickets

),

final as (

    select
        paying_months.customer_id,
        paying_months.month_start_date,
        max(contacts.contact_date) as last_contact_date
    from paying_months
    inner join contacts
        on
            paying_months.customer_id = contacts.customer_id
            and paying_months.snapshot_date >= contacts.contact_date
    group by paying_months.customer_id, paying_months.month_start_date

)

select * from final
