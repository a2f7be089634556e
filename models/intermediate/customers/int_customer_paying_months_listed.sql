{#- The customer × month spine of the health signals: one row per customer and month with positive
    MRR in the revenue spine (int_customer_mrr_movements_classified), with the month's snapshot date,
    the first days of the look-back windows every signal counts over, and the MRR trend's inputs:
    MRR three months earlier and any contraction in the month or the two before it. -#}

with

customer_months as (

    select * from {{ ref('int_customer_mrr_movements_classified') }}

),

paying_months as (

    select
        customer_id,
        month_start_date,
        snapshot_date,
        cast({{ dbt.dateadd('month', -2, 'month_start_date') }} as date) as last_3_months_start_date,
        cast({{ dbt.dateadd('month', -5, 'month_start_date') }} as date) as last_6_months_start_date,
        cast({{ dbt.dateadd('month', -11, 'month_start_date') }} as date) as last_12_months_start_date,
        cast({{ dbt.dateadd('day', -29, 'snapshot_date') }} as date) as last_30_days_start_date,
        cast({{ dbt.dateadd('day', -89, 'snapshot_date') }} as date) as previous_60_days_start_date,
        mrr
    from customer_months
    where mrr > 0

),

mrr_history as (

    {#- MRR three months earlier (0 when the customer was not paying or not yet a customer) and
        any contraction in the month or the two before it. -#}
    select
        paying_months.customer_id,
        paying_months.month_start_date,
        coalesce(
            max(case when earlier_months.month_start_date = {{ dbt.dateadd('month', -3, 'paying_months.month_start_date') }} then earlier_months.mrr end),
            0
        ) as mrr_3_months_earlier,
        coalesce(
            max(
                case
                    when
                        earlier_months.month_start_date >= paying_months.last_3_months_start_date
                        and earlier_months.movement_type = 'contraction'
                        then 1
                end
            ),
            0
        ) = 1 as has_contraction_last_3_months
    from paying_months
    left join customer_months as earlier_months
        on
            paying_months.customer_id = earlier_months.customer_id
            and earlier_months.month_start_date between
            {{ dbt.dateadd('month', -3, 'paying_months.month_start_date') }} and paying_months.month_start_date
    group by paying_months.customer_id, paying_months.month_start_date

),

final as (

    select
        paying_months.*,
        mrr_history.mrr_3_months_earlier,
        mrr_history.has_contraction_last_3_months
    from paying_months
    inner join mrr_history
        on
            paying_months.customer_id = mrr_history.customer_id
            and paying_months.month_start_date = mrr_history.month_start_date

)

select * from final
