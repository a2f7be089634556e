{#- Hours of manual work saved by implemented RevOps initiatives, per reporting period (month,
    quarter, year) and breakdown (initiative_owner, size): the sum of the saving months of
    int_initiative_saving_months_listed in the period. Every period has a company row (0 hours
    before the first initiative went live). -#}

with

initiative_months as (

    select * from {{ ref('int_initiative_saving_months_listed') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

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

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['hours_saved', 'saving_initiatives'],
    {'hours_saved': 'decimal(38, 6)'},
) }}
