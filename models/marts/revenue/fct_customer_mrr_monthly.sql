{#- The customer × month revenue spine with its movements and the customer's attributes as of the
    month: the drill-through fact behind every MRR KPI ("which customers churned in March?"). -#}

with

movements as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

segments as (

    select * from {{ ref('int_customer_segments_dated') }}

),

final as (

    select
        -- keys
        movements.customer_id,
        movements.month_start_date,
        movements.snapshot_date,

        -- attributes as of the month
        movements.plan_tier,
        coalesce(segments.customer_segment, customers.segment) as customer_segment,
        customers.region,
        customers.billing_currency_code as currency_code,
        customers.acquisition_motion,
        customers.customer_name,

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
    inner join customers
        on movements.customer_id = customers.customer_id
    left join segments
        on
            movements.customer_id = segments.customer_id
            and movements.month_start_date = segments.month_start_date

)

select * from final
