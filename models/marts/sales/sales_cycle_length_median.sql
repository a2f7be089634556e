{#- Median sales cycle length: the median of the days from creation to close of the deals won in
    the period (recomputed from the period's deals at every grain, never a median of medians). -#}

with

aggregated as (

    select * from {{ ref('int_closed_opportunities_aggregated') }}

),

reporting_periods as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where period_grain in ('month', 'quarter', 'year')

),

row_keys as (

    {#- A company row for every period; breakdown rows where deals closed. -#}
    select
        period_grain,
        period_start,
        'all' as dimension,
        'all' as dimension_value
    from reporting_periods

    union

    select
        period_grain,
        period_start,
        dimension,
        dimension_value
    from aggregated

),

final as (

    select
        row_keys.period_grain,
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        cast(aggregated.median_won_sales_cycle_days as decimal(38, 10)) as value,
        cast(null as decimal(38, 10)) as numerator,
        cast(null as decimal(38, 10)) as denominator

    from row_keys
    left join aggregated
        on
            row_keys.period_grain = aggregated.period_grain
            and row_keys.period_start = aggregated.period_start
            and row_keys.dimension = aggregated.dimension
            and row_keys.dimension_value = aggregated.dimension_value

)

select * from final
