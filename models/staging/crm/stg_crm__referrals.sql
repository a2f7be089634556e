with

source as (

    {{ live_source_rows('crm', 'referrals') }}

),

renamed as (

    select
        -- ids
        Id as referral_id,
        Referrer_Account__c as referrer_account_id,
        Lead__c as lead_id,

        -- enums
        {{ normalize_enum('Program__c') }} as referral_program,

        -- timestamps
        {{ to_utc_timestamp('CreatedDate') }} as referred_at,
        {{ to_utc_timestamp('SystemModstamp') }} as system_modified_at,
        {{ to_utc_timestamp('_loaded_at') }} as loaded_at,

        -- soft delete (a record deleted after the grace period stays, flagged: raw_row_fates)
        _is_deleted as is_deleted,
        _deleted_at as deleted_at

    from source

)

select * from renamed
