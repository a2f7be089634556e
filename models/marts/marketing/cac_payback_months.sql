{#- CAC payback: months of the new customers' gross profit it takes to earn back their acquisition
    cost, CAC ÷ (their ARPA × var `gross_margin`). The new-customer count cancels, so it is divided
    as the period's acquisition spend ÷ (the new customers' first-month MRR × gross margin). -#}
{%- set gross_margin = checked_var('gross_margin', above=0, maximum=1, whole_number=false) -%}

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
        {{ kpi_quotient('acquisition_spend', '(new_customer_mrr * ' ~ gross_margin ~ ')') }}

    from acquisition_costs

)

select * from final
