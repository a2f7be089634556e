{#- Run rate: invoiced revenue of a period (recurring and one-time, ex tax, net of refunds) in the
    reporting currency, divided by the days of the period up to the as-of date (the measures:
    measures_run_rate_aggregated; the billing rules: int_billed_revenue_listed). -#}

with

measures as (

    select * from {{ ref('measures_run_rate_aggregated') }}

),

final as (

    select
        period_grain,
        period_start,
        dimension,
        dimension_value,
        case
            when days_in_period != 0 then {{ round_to_scale(divided('billed_revenue', 'days_in_period'), 2) }}
        end as value,
        billed_revenue as numerator,
        days_in_period as denominator

    from measures

)

select * from final
