{#- Revenue actioned by sales (seed 001) per period (month, quarter, year of the close date) and
    breakdown (opportunity type, customer segment, region): the summed sales share of every won
    new-business and expansion deal, touched or not, each deal once, on its primary row
    (measures_won_opportunities_attributed). No channel breakdown: sales' share belongs to no
    campaign. Every period has a company row (0 when nothing was won); breakdown rows exist where
    deals closed. Feeds actioned_revenue_sales. -#}

with

attributed_opportunities as (

    select * from {{ ref('measures_won_opportunities_attributed') }}
    where is_primary_row

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

deals_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        attributed_opportunities.*

    from attributed_opportunities
    inner join reporting_periods
        on attributed_opportunities.close_date between reporting_periods.period_start and reporting_periods.period_last_date

),

deals_by_dimension as (

    {{ unpivot_dimensions('deals_in_periods', ['opportunity_type', 'customer_segment', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(actioned_by_sales_amount) as actioned_by_sales_amount

    from deals_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['actioned_by_sales_amount'],
    data_types={'actioned_by_sales_amount': 'decimal(38, 2)'},
) }}
