{#- One row per CRM user who owns opportunities, leads or quotas (the people sales KPIs are cut by,
    dimension `rep`), with the team, region and manager those KPIs slice by. Attributes are the
    user's current values. -#}
{{ config(materialized='view') }}

with

users as (

    select * from {{ ref('stg_crm__users') }}

),

opportunities as (

    select * from {{ ref('stg_crm__opportunities') }}

),

leads as (

    select * from {{ ref('stg_crm__leads') }}

),

quotas as (

    select * from {{ ref('stg_crm__quotas') }}

),

owned_records as (

    select
        owner_user_id,
        'opportunity' as record_type
    from opportunities

    union all

    select
        owner_user_id,
        'lead' as record_type
    from leads

    union all

    select
        owner_user_id,
        'quota' as record_type
    from quotas

),

owners as (

    select
        owner_user_id,
        max(case when record_type = 'opportunity' then 1 else 0 end) = 1 as owns_opportunities,
        max(case when record_type = 'lead' then 1 else 0 end) = 1 as owns_leads,
        max(case when record_type = 'quota' then 1 else 0 end) = 1 as has_quotas

    from owned_records
    group by owner_user_id

),

final as (

    select
        -- ids
        users.user_id,
        users.manager_user_id,

        -- attributes
        users.user_name,
        users.email,
        users.team_name,
        users.user_role,
        users.region,
        managers.user_name as manager_name,

        -- booleans
        users.is_quota_carrying,
        not coalesce(users.is_deleted, false) as is_active,
        users.terminated_date is not null as is_terminated,
        owners.owns_opportunities,
        owners.owns_leads,
        owners.has_quotas,

        -- dates
        users.hired_date,
        users.terminated_date

    from users
    inner join owners
        on users.user_id = owners.owner_user_id
    left join users as managers
        on users.manager_user_id = managers.user_id

)

select * from final
