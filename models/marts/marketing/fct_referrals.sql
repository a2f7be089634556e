{#- One row per referral of the customer referral programme with its referrer (account and shared
    customer key) and what became of the lead it created: the opportunity, the win and the first
    payment, and the days from the referral to the won close. -#}

with

referrals as (

    select * from {{ ref('stg_crm__referrals') }}

),

leads as (

    select * from {{ ref('int_leads_progressed') }}

),

account_customers as (

    select
        source_record_id as account_id,
        customer_id

    from {{ ref('int_customer_identifiers_mapped') }}
    where source_system = 'crm_account'

),

final as (

    select
        -- keys
        referrals.referral_id,
        referrals.referrer_account_id,
        account_customers.customer_id as referrer_customer_id,
        referrals.lead_id,
        leads.customer_id as referred_customer_id,
        leads.converted_opportunity_id as opportunity_id,

        -- attributes
        referrals.referral_program,
        leads.lead_source_channel,

        -- flags
        coalesce(leads.is_converted, false) as is_converted,
        leads.opportunity_created_at is not null as has_opportunity,
        leads.opportunity_won_date is not null as is_won,
        referrals.is_deleted,

        -- dates
        {{ to_reporting_date('referrals.referred_at') }} as referred_date,
        leads.opportunity_won_date,
        cast(
            {{ dbt.datediff(to_reporting_date('referrals.referred_at'), 'leads.opportunity_won_date', 'day') }}
            as integer
        ) as days_to_close,

        -- timestamps
        referrals.referred_at,
        leads.opportunity_created_at,
        leads.first_paid_at

    from referrals
    left join leads
        on referrals.lead_id = leads.lead_id
    left join account_customers
        on referrals.referrer_account_id = account_customers.account_id

)

select * from final
