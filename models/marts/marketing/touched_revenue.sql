{#- Touched revenue (seed 001): the amount of won new-business and expansion deals a marketing
    campaign touched within var attribution_window_days before the close, by close period. Each
    channel that touched a deal gets its whole amount; the company total and the other breakdowns
    count each deal once. -#}

with

attributed_opportunities as (

    select * from {{ ref('int_won_opportunities_attributed') }}
    where is_touched

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where period_grain in ('month', 'quarter', 'year')

),

touches_in_periods as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        attributed_opportunities.*

    from attributed_opportunities
    inner join reporting_periods
        on attributed_opportunities.close_date between reporting_periods.period_start and reporting_periods.period_last_date

),

touches_by_dimension as (

    {{ unpivot_dimensions('touches_in_periods', ['channel', 'opportunity_type', 'customer_segment', 'region']) }}

),

counted_touches as (

    {#- A deal has one row per channel that touched it: every row counts in its channel, only the
        deal's primary row in the company total and the other breakdowns. -#}
    select * from touches_by_dimension
    where dimension = 'channel' or is_primary_row

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(touched_amount) as touched_amount

    from counted_touches
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ kpi_rows_for_every_period('aggregated', 'reporting_periods', value='coalesce(aggregated.touched_amount, 0)') }}
