{#- One row per referral of the customer referral programme with its referrer (account and shared
    customer key) and what became of the lead it created: the opportunity, the win and the first
    payment, and the days from the referral to the won close. -#}

with

referrals as (

    select * from {{ ref('int_referrals_attributed') }}

),

leads as (

    select * from {{ ref('int_leads_progressed') }}

),

final as (

    select
        -- keys
        referrals.referral_id,
        referrals.referrer_account_id,
        referrals.referrer_customer_id,
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

)

select * from final
