{#- Every referral with the shared customer key of the referrer's account (null when the account is
    not in staging). -#}

with

referrals as (

    select * from {{ ref('stg_crm__referrals') }}

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
        referrals.referral_id,
        referrals.referrer_account_id,
        account_customers.customer_id as referrer_customer_id,
        referrals.lead_id,
        referrals.referral_program,
        referrals.referred_at,
        referrals.system_modified_at,
        referrals.loaded_at,
        referrals.is_deleted,
        referrals.deleted_at

    from referrals
    left join account_customers
        on referrals.referrer_account_id = account_customers.account_id

)

select * from final
