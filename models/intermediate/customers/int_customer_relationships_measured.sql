{#- The breadth and depth of the relationship with each paying customer that has a CRM account, per
    month: the account's contacts (crm.contacts) on the month's snapshot date (created by then, not
    yet deleted: a deleted contact left the account), how many distinct functions and seniority
    levels they cover, how many are executives (a level of var relationship_executive_levels) and
    how many had a sales activity (their WhoId) in the var relationship_engagement_days days ending
    on the snapshot date. A paying month of a customer with a CRM account but no contacts has zeros;
    customers without a CRM account have no rows, and neither does anyone while crm.contacts has no
    rows (an absent optional table is not a customer known to nobody). -#}
{%- set engagement_days = checked_var('relationship_engagement_days', minimum=1) -%}
{%- set executive_levels = checked_string_list_var('relationship_executive_levels', '[a-z_]+', 'c_level') %}

with

paying_months as (

    select * from {{ ref('int_customer_paying_months_listed') }}

),

customer_accounts as (

    select
        source_record_id as account_id,
        customer_id
    from {{ ref('int_customer_identifiers_mapped') }}
    where source_system = 'crm_account' and customer_id is not null

),

contacts as (

    select
        contact_id,
        account_id,
        department,
        seniority_level,
        {{ to_reporting_date('created_at') }} as created_date,
        {{ to_reporting_date('deleted_at') }} as left_date
    from {{ ref('stg_crm__contacts') }}

),

activities as (

    select
        who_id,
        {{ to_reporting_date('activity_at') }} as activity_date
    from {{ ref('stg_crm__activities') }}
    where who_id is not null

),

customer_months as (

    {#- The paying months of customers with a CRM account, while crm.contacts has rows. -#}
    select distinct
        paying_months.customer_id,
        paying_months.month_start_date,
        paying_months.snapshot_date,
        customer_accounts.account_id
    from paying_months
    inner join customer_accounts
        on paying_months.customer_id = customer_accounts.customer_id
    where exists (select 1 from contacts)

),

live_contacts as (

    select
        customer_months.customer_id,
        customer_months.month_start_date,
        customer_months.snapshot_date,
        contacts.contact_id,
        contacts.department,
        contacts.seniority_level
    from customer_months
    inner join contacts
        on
            customer_months.account_id = contacts.account_id
            and customer_months.snapshot_date >= contacts.created_date
            and (contacts.left_date is null or customer_months.snapshot_date < contacts.left_date)

),

engaged_contacts as (

    select distinct
        live_contacts.customer_id,
        live_contacts.month_start_date,
        live_contacts.contact_id
    from live_contacts
    inner join activities
        on
            live_contacts.contact_id = activities.who_id
            and live_contacts.snapshot_date >= activities.activity_date
            and {{ dbt.dateadd('day', -engagement_days, 'live_contacts.snapshot_date') }}
            < activities.activity_date

),

final as (

    select
        customer_months.customer_id,
        customer_months.month_start_date,
        count(distinct live_contacts.contact_id) as contacts,
        count(distinct live_contacts.department) as functions_engaged,
        count(distinct live_contacts.seniority_level) as seniority_levels_engaged,
        count(distinct case
            when live_contacts.seniority_level in ({{ sql_string_list(executive_levels) }})
                then live_contacts.contact_id
        end) as executive_contacts,
        count(distinct engaged_contacts.contact_id) as engaged_contacts
    from customer_months
    left join live_contacts
        on
            customer_months.customer_id = live_contacts.customer_id
            and customer_months.month_start_date = live_contacts.month_start_date
    left join engaged_contacts
        on
            live_contacts.customer_id = engaged_contacts.customer_id
            and live_contacts.month_start_date = engaged_contacts.month_start_date
            and live_contacts.contact_id = engaged_contacts.contact_id
    group by
        customer_months.customer_id,
        customer_months.month_start_date

)

select * from final
