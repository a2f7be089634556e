{#- The measures of cost_per_opportunity and cost_per_sale, per period (month, quarter, year), for
    the company only (spend cannot be split): the sales and marketing spend as CAC counts it
    (measures_acquisition_costs_aggregated), the new-business opportunities created in the period
    (fct_opportunities, by created day) and the new-business deals won in it
    (measures_closed_opportunities_aggregated). A row for every period. -#}

with

acquisition_costs as (

    select * from {{ ref('measures_acquisition_costs_aggregated') }}
    where dimension = 'all'

),

closed_opportunities as (

    select * from {{ ref('measures_closed_opportunities_aggregated') }}
    where dimension = 'all'

),

opportunities as (

    select * from {{ ref('fct_opportunities') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where {{ period_grain_in(['month', 'quarter', 'year']) }}

),

created_counts as (

    select
        reporting_periods.period_grain,
        reporting_periods.period_start,
        count(opportunities.opportunity_id) as created_opportunities

    from reporting_periods
    left join opportunities
        on
            opportunities.opportunity_type = 'new_business'
            and opportunities.created_date between reporting_periods.period_start and reporting_periods.period_last_date
    group by
        reporting_periods.period_grain,
        reporting_periods.period_start

),

final as (

    select
        created_counts.period_grain,
        created_counts.period_start,
        'all' as dimension,
        'all' as dimension_value,
        acquisition_costs.acquisition_spend,
        cast(created_counts.created_opportunities as {{ dbt.type_bigint() }}) as created_opportunities,
        cast(coalesce(closed_opportunities.won_deals, 0) as {{ dbt.type_bigint() }}) as won_deals

    from created_counts
    left join acquisition_costs
        on
            created_counts.period_grain = acquisition_costs.period_grain
            and created_counts.period_start = acquisition_costs.period_start
    left join closed_opportunities
        on
            created_counts.period_grain = closed_opportunities.period_grain
            and created_counts.period_start = closed_opportunities.period_start

)

select * from final
