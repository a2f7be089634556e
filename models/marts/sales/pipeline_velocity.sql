{#- Pipeline velocity: open new-business opportunities at the period's end × trailing win rate ×
    trailing average deal size ÷ trailing average sales cycle (days), weekly and monthly. -#}

with

measures as (

    select * from {{ ref('measures_pipeline_velocity_windowed') }}

),

velocity_terms as (

    {#- Numerator: the revenue the open pipeline is expected to bring (open opportunities × win
        rate × average deal size); denominator: the average sales cycle in days. Each is null when
        the window has no deal to estimate it from (no closed deal, no won deal with an amount or a
        cycle). Divisions in decimals, rounded to 6 places. -#}
    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        case
            when window_closed_deals > 0 and window_won_deals_with_amount > 0
                then {{ round_to_scale(
                    'cast(open_opportunities * window_won_deals as decimal(38, 12)) * window_won_amount'
                    ~ ' / (window_closed_deals * window_won_deals_with_amount)', 6
                ) }}
        end as expected_pipeline_revenue,
        case
            when window_won_deals_with_sales_cycle > 0
                then {{ round_to_scale(
                    'cast(window_won_sales_cycle_days as decimal(38, 12)) / window_won_deals_with_sales_cycle', 6
                ) }}
        end as average_sales_cycle_days

    from measures

),

final as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        {{ kpi_quotient('expected_pipeline_revenue', 'average_sales_cycle_days') }}

    from velocity_terms

)

select * from final
