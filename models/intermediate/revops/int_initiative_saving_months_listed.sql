{#- One row per implemented RevOps initiative and month in which it saves manual work: every whole
    month after the month it went live, up to the as-of month, with its estimated hours saved per
    month (0 when not estimated). -#}

with

initiatives as (

    select * from {{ ref('stg_revops__initiatives') }}
    where implemented_date is not null

),

months as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'month'

),

implemented_initiatives as (

    select
        initiative_id,
        owner_name as initiative_owner,
        size,
        estimated_hours_saved_per_month,
        cast({{ dbt.dateadd('month', 1, dbt.date_trunc('month', 'implemented_date')) }} as date) as first_saving_month_start

    from initiatives

),

final as (

    {#- One row per initiative and month in which it saves time: the month after its go-live onward. -#}
    select
        implemented_initiatives.initiative_id,
        implemented_initiatives.initiative_owner,
        implemented_initiatives.size,
        coalesce(implemented_initiatives.estimated_hours_saved_per_month, 0) as hours_saved,
        months.period_start as month_start_date

    from implemented_initiatives
    inner join months
        on implemented_initiatives.first_saving_month_start <= months.period_start

)

select * from final
