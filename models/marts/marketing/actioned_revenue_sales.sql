{#- Revenue actioned by sales (seed 001): of every won new-business and expansion deal, the amount
    sales had reached before the first marketing touch within var attribution_window_days before the
    close (the whole amount of a deal no campaign touched in the window, nothing of a touched deal
    sales had no activity on), by close period. -#}

with

attributed_opportunities as (

    {#- One row per won deal: the row that carries its sales and marketing split. -#}
    select * from {{ ref('int_won_opportunities_attributed') }}
    where is_primary_row

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where period_grain in ('month', 'quarter', 'year')

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
        sum(actioned_by_sales_amount) as actioned_amount

    from deals_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='coalesce(aggregated.actioned_amount, 0)') }}
