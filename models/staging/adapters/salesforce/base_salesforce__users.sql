{#- crm.users from Fivetran's Salesforce `user` table, with the role's name from `user_role`. Team,
    region, quota flag and employment dates are custom fields (the adapter's docs name them). A
    Salesforce user is deactivated, never deleted: IsDeleted is true only when Fivetran marks the user
    gone (`_fivetran_deleted`). Timestamps keep the connector's zoned type (declared timestamptz). -#}

with

users as (

    select * from {{ source('salesforce', 'user') }}

),

user_roles as (

    select * from {{ source('salesforce', 'user_role') }}

),

final as (

    select
        {#- The contract's columns, in its order (names that are SQL keywords are the contract's: noqa). -#}
        -- ids
        cast(users.id as {{ dbt.type_string() }}) as id,

        -- strings
        cast(users.name as {{ dbt.type_string() }}) as name,  -- noqa: RF04
        cast(users.email as {{ dbt.type_string() }}) as email,
        cast(user_roles.name as {{ dbt.type_string() }}) as userrole,
        cast(users.team__c as {{ dbt.type_string() }}) as team,
        cast(users.region__c as {{ dbt.type_string() }}) as region,

        -- ids
        cast(users.manager_id as {{ dbt.type_string() }}) as managerid,

        -- booleans
        cast(users.is_quota_carrying__c as {{ dbt.type_boolean() }}) as isquotacarrying,

        -- dates
        cast(users.hired_date__c as date) as hireddate,
        cast(users.terminated_date__c as date) as terminateddate,

        -- soft delete
        cast(coalesce(users._fivetran_deleted, false) as {{ dbt.type_boolean() }}) as isdeleted,

        -- timestamps
        users.system_modstamp as systemmodstamp,
        users._fivetran_synced as _loaded_at

    from users
    left join user_roles
        on users.user_role_id = user_roles.id

)

select * from final
