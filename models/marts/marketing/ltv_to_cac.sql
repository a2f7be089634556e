{#- LTV:CAC: the company's customer lifetime value ÷ its customer acquisition cost in the same
    period. Months: the month's CLTV ÷ the month's CAC. Quarters and years: CLTV at the period's
    last month (customer_lifetime_value's own end-of-period row) ÷ the period's recomputed CAC. -#}

with

acquisition_costs as (

    select * from {{ ref('cac') }}
    where dimension = 'all'

),

lifetime_values as (

    select * from {{ ref('customer_lifetime_value') }}
    where dimension = 'all'

),

final as (

    select
        acquisition_costs.period_grain,
        acquisition_costs.period_start,
        acquisition_costs.dimension,
        acquisition_costs.dimension_value,
        {{ kpi_quotient('lifetime_values.value', 'acquisition_costs.value') }}

    from acquisition_costs
    left join lifetime_values
        on
            acquisition_costs.period_grain = lifetime_values.period_grain
            and acquisition_costs.period_start = lifetime_values.period_start

)

select * from final
