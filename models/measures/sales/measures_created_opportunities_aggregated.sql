{#- Opportunities created per period (month, quarter, year of the creation date, reporting
    timezone) and breakdown, with their amounts (ACV in the reporting currency, fct_opportunities'
    amount: a closed deal at its close month's rate, an open one at the as-of month's). Renewals
    never count; the company total and every breakdown but opportunity_type count new business
    (the rule of the per-deal KPIs), expansion only in its own opportunity_type row. Every period
    has a company row (zeros when nothing was created); breakdown rows exist where opportunities
    were created. Feeds opportunities_created and pipeline_created. -#}

with

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

created_opportunities as (

    {#- Breakdown columns are named after their KPI dimension. -#}
    select
        opportunity_id,
        opportunity_type,
        owner_user_id as rep,
        team_name as team,
        customer_segment,
        region,
        lead_source_channel,
        created_date,
        amount

    from opportunities
    where {{ is_new_revenue_opportunity('opportunity_type') }}

),

creations_in_periods as (

    select
        periods.period_grain,
        periods.period_start,
        created_opportunities.*

    from created_opportunities
    inner join periods
        on created_opportunities.created_date between periods.period_start and periods.period_last_date

),

creations_by_dimension as (

    {{ unpivot_dimensions('creations_in_periods', ['opportunity_type', 'rep', 'team', 'customer_segment', 'region', 'lead_source_channel']) }}

),

aggregated as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        count(*) as created_opportunities,
        sum(case when amount is not null then 1 else 0 end) as created_opportunities_with_amount,
        cast(coalesce(sum(amount), 0) as decimal(38, 2)) as created_amount

    from creations_by_dimension
    where {{ is_per_deal_rate_row('dimension', 'opportunity_type') }}
    group by
        period_grain,
        period_start,
        dimension,
        dimension_value

),

{{ measures_rows_for_every_period(
    'aggregated',
    'periods',
    ['created_opportunities', 'created_opportunities_with_amount', 'created_amount'],
    data_types={'created_amount': 'decimal(38, 2)'}
) }}
