{#- The customer × month revenue spine with its movements and the customer's attributes as of the
    month: the drill-through fact behind every MRR KPI ("which customers churned in March?"). -#}

with

movements as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

customer_months as (

    select * from {{ ref('int_customer_months_attributed') }}

),

final as (

    select
        -- keys
        movements.customer_id,
        movements.month_start_date,
        movements.snapshot_date,

        -- attributes as of the month
        movements.plan_tier,
        customer_months.customer_segment,
        customer_months.region,
        customer_months.currency_code,
        customer_months.acquisition_motion,
        customer_months.acquisition_channel,
        customer_months.customer_name,

        -- movement
        movements.movement_type,
        movements.previous_mrr > 0 as was_paying,
        movements.mrr > 0 as is_paying,

        -- amounts (reporting currency)
        movements.previous_mrr,
        movements.mrr,
        movements.contracted_mrr,
        movements.new_mrr,
        movements.expansion_mrr,
        movements.contraction_mrr,
        movements.churned_mrr,
        movements.reactivation_mrr,
        movements.fx_impact_mrr

    from movements
    inner join customer_months
        on
            movements.customer_id = customer_months.customer_id
            and movements.month_start_date = customer_months.month_start_date

)

select * from final
