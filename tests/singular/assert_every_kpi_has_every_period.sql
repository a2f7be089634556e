{#- Every KPI has a company row (dimension = 'all') in every period of each grain it reports, from
    the calendar's first period of that grain to the one containing the as-of date: a period with
    no activity reports zero or null, it never disappears. Driven by the calendar
    (int_reporting_periods_listed), not by the periods the data happens to have. Returns the
    missing company rows. -#}

with

kpi_rows as (

    select * from {{ ref('kpi_values') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}

),

kpi_grains as (

    select distinct
        kpi_id,
        period_grain
    from kpi_rows

),

company_rows as (

    select
        kpi_id,
        period_grain,
        period_start
    from kpi_rows
    where dimension = 'all'

),

expected_rows as (

    select
        kpi_grains.kpi_id,
        periods.period_grain,
        periods.period_start
    from kpi_grains
    inner join periods
        on kpi_grains.period_grain = periods.period_grain

)

select
    expected_rows.kpi_id,
    expected_rows.period_grain,
    expected_rows.period_start
from expected_rows
left join company_rows
    on
        expected_rows.kpi_id = company_rows.kpi_id
        and expected_rows.period_grain = company_rows.period_grain
        and expected_rows.period_start = company_rows.period_start
where company_rows.kpi_id is null
