{#- Hours of manual work saved by implemented RevOps initiatives, per reporting period (month,
    quarter, year) and breakdown (initiative_owner, size). An initiative saves its estimated hours per month
    in every whole month after the month it went live, up to the as-of date; a quarter or year sums
    its months. Every period has a company row (0 hours before the first initiative went live). -#}

with

initiatives as (

    select * from {{ ref('stg_revops__initiatives') }}
    where implemented_date is not null

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

months as (

    select * from reporting_periods
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

initiative_months as (

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

),

initiative_months_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        initiative_months.*

    from initiative_months
    inner join reporting_periods
        on initiative_months.month_start_date between reporting_periods.period_start and reporting_periods.period_last_date

),

initiative_months_by_dimension as (

    {{ unpivot_dimensions('initiative_months_in_periods', ['initiative_owner', 'size']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(hours_saved) as hours_saved,
        count(distinct initiative_id) as saving_initiatives

    from initiative_months_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

row_keys as (

    {{ period_row_keys('aggregated', 'reporting_periods') }}

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        cast(coalesce(aggregated.hours_saved, 0) as decimal(38, 6)) as hours_saved,
        coalesce(aggregated.saving_initiatives, 0) as saving_initiatives

    from row_keys
    left join aggregated
        on {{ kpi_row_join('row_keys', 'aggregated') }}

)

select * from final
