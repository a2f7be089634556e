{#- Bookings per period (month, quarter, year of the close date) and breakdown: the won
    new-business and expansion deals and their amounts (annual contract value, reporting currency
    at the close month's rate). Every period has a company row (zeros when nothing was won). Read by
    the bookings and sales productivity KPIs. -#}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

won_opportunities as (

    {#- Renewals re-sign revenue already booked: they are not bookings. Breakdown columns are
        named after their KPI dimension. -#}
    select
        opportunity_id,
        opportunity_type,
        owner_user_id as rep,
        team_name as team,
        customer_segment,
        region,
        lead_source_channel,
        close_date,
        amount

    from opportunities
    where
        is_won
        and {{ is_new_revenue_opportunity('opportunity_type') }}

),

wins_in_periods as (

    select
        periods.period_grain,
        periods.period_start,
        won_opportunities.*

    from won_opportunities
    inner join periods
        on won_opportunities.close_date between periods.period_start and periods.period_last_date

),

wins_by_dimension as (

    {{ unpivot_dimensions('wins_in_periods', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region', 'lead_source_channel']) }}

),

aggregated as (

    {#- A won deal without an amount counts as a won deal and books 0. -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as won_deals,
        sum(case when amount is not null then 1 else 0 end) as won_deals_with_amount,
        cast(coalesce(sum(amount), 0) as decimal(38, 2)) as booked_amount

    from wins_by_dimension
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    ['won_deals', 'won_deals_with_amount', 'booked_amount'],
    data_types={'booked_amount': 'decimal(38, 2)'}
) }}
