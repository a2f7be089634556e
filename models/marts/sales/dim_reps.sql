{#- One row per CRM user who owns opportunities, leads or quotas, with the team, region and manager
    sales KPIs slice by (the rules: int_reps_described). -#}

with

reps as (

    select * from {{ ref('int_reps_described') }}

),

final as (

    select
        user_id,
        manager_user_id,
        user_name,
        email,
        team_name,
        user_role,
        region,
        manager_name,
        is_quota_carrying,
        is_active,
        is_terminated,
        owns_opportunities,
        owns_leads,
        has_quotas,
        hired_date,
        terminated_date

    from reps

)

select * from final
