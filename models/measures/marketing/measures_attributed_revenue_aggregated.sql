{#- Attributed revenue (seed 001) per period (month, quarter, year of the close date) and breakdown
    (channel, opportunity type, customer segment, region), from the won new-business and expansion
    deals of measures_won_opportunities_attributed: the revenue campaigns touched within var
    attribution_window_days before the close, and each deal's amount split between what sales and
    what marketing actioned, each with the deals it counts. Every period has a company row (zeros
    when nothing was won); a breakdown row exists where one of the three counts a deal. Feeds
    touched_revenue, actioned_revenue_marketing and actioned_revenue_sales. -#}

with

attributed_opportunities as (

    select * from {{ ref('measures_won_opportunities_attributed') }}

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

counted_rows as (

    {#- A touched deal has one row per touching channel, the first touch's being its primary row.
        Touched revenue counts a touched deal in every channel that touched it and once (its
        primary row) everywhere else; marketing's share counts once, in the channel of the first
        touch; sales' share counts every won deal once and belongs to no channel. -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        case when is_touched and (dimension = 'channel' or is_primary_row) then 1 else 0 end as is_touched_row,
        case when is_touched and is_primary_row then 1 else 0 end as is_marketing_row,
        case when is_primary_row and dimension != 'channel' then 1 else 0 end as is_sales_row,
        touched_amount,
        actioned_by_marketing_amount,
        actioned_by_sales_amount

    from deals_by_dimension

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        sum(is_touched_row) as touched_deals,
        sum(case when is_touched_row = 1 then touched_amount end) as touched_amount,
        sum(is_marketing_row) as marketing_credited_deals,
        sum(case when is_marketing_row = 1 then actioned_by_marketing_amount end) as actioned_by_marketing_amount,
        sum(is_sales_row) as sales_credited_deals,
        sum(case when is_sales_row = 1 then actioned_by_sales_amount end) as actioned_by_sales_amount

    from counted_rows
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value
    having sum(is_touched_row + is_marketing_row + is_sales_row) > 0

),

{{ measures_rows_for_every_period(
    'aggregated',
    'reporting_periods',
    [
        'touched_deals', 'touched_amount', 'marketing_credited_deals', 'actioned_by_marketing_amount',
        'sales_credited_deals', 'actioned_by_sales_amount',
    ],
    data_types={
        'touched_amount': 'decimal(38, 2)',
        'actioned_by_marketing_amount': 'decimal(38, 2)',
        'actioned_by_sales_amount': 'decimal(38, 2)',
    },
) }}
