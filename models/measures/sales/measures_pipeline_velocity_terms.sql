{#- The two terms pipeline velocity divides, per period (week, bi-week, month) and breakdown of
    measures_pipeline_velocity_windowed: the revenue the open pipeline is expected to bring (open
    opportunities × the window's win rate × its average deal size) and the window's average sales
    cycle in days. -#}

with

measures as (

    select * from {{ ref('measures_pipeline_velocity_windowed') }}

),

final as (

    {#- Each term is null when the window has no deal to estimate it from (no closed deal, no won
        deal with an amount or a cycle). Divisions in decimals, rounded to 6 places, typed as such
        on every engine (PostgreSQL drops the scale of a case expression). -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        cast(
            case
                when window_closed_deals > 0 and window_won_deals_with_amount > 0
                    then {{ round_to_scale(divided(
                        'open_opportunities * window_won_deals * window_won_amount',
                        'window_closed_deals * window_won_deals_with_amount'
                    ), 6) }}
            end as decimal(38, 6)
        ) as expected_pipeline_revenue,
        cast(
            case
                when window_won_deals_with_sales_cycle > 0
                    then {{ round_to_scale(
                        divided('window_won_sales_cycle_days', 'window_won_deals_with_sales_cycle'), 6
                    ) }}
            end as decimal(38, 6)
        ) as average_sales_cycle_days

    from measures

)

select * from final
