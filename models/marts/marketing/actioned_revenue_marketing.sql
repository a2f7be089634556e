{#- Revenue actioned by marketing (seed 001): of the won new-business and expansion deals a
    campaign touched within var attribution_window_days before the close, the increase in amount
    since the first touch, or the whole amount when sales had no activity with the buyer by the
    close; by close period, credited to the channel of the deal's first touch in the window. -#}

with

attributed_opportunities as (

    {#- One row per touched deal: its first-touch channel's, which carries the marketing amount. -#}
    select * from {{ ref('int_won_opportunities_attributed') }}
    where is_touched and is_primary_row

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

    {{ unpivot_dimensions('deals_in_periods', ['channel', 'opportunity_type', 'customer_segment', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(actioned_by_marketing_amount) as actioned_amount

    from deals_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='coalesce(aggregated.actioned_amount, 0)') }}
