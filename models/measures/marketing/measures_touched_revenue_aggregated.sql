{#- Touched revenue (seed 001) per period (month, quarter, year of the close date) and breakdown
    (channel, opportunity type, customer segment, region): the summed amounts of the won deals a
    campaign touched within var attribution_window_days before the close
    (measures_won_opportunities_attributed). A touched deal has one row per touching channel: each
    channel counts its whole amount, the company total and the other breakdowns count it once (its
    primary row). Every period has a company row (0 when nothing touched was won); breakdown rows
    exist where touched deals closed. Feeds touched_revenue. -#}

with

attributed_opportunities as (

    select * from {{ ref('measures_won_opportunities_attributed') }}
    where is_touched

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

    {{ unpivot_dimensions('deals_in_periods', ['channel', 'opportunity_type', 'customer_segment', 'region']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(touched_amount) as touched_amount

    from deals_by_dimension
    where dimension = 'channel' or is_primary_row
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    ['touched_amount'],
    data_types={'touched_amount': 'decimal(38, 2)'},
) }}
