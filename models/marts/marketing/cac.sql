{#- Customer acquisition cost: the period's sales and marketing spend ÷ the new paying customers won
    in it (measures_acquisition_costs_aggregated). Company level only: spend cannot be split by segment. -#}

with

acquisition_costs as (

    select * from {{ ref('measures_acquisition_costs_aggregated') }}

),

final as (

    select
        period_grain,
        period_start,
        'all' as dimension,
        'all' as dimension_value,
        {{ kpi_quotient('acquisition_spend', 'new_customers') }}

    from acquisition_costs

)

select * from final
