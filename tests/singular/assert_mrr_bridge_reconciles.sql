{#- The MRR bridge, from the published kpi_values, for every month and every breakdown:
    opening + new + expansion + reactivation − contraction − churned + FX impact = closing, to the
    cent. For the company total the opening must also equal the previous month's closing, so no
    customer can leave the spine without a churn movement. Returns the months that do not add up. -#}
{%- set movement_kpis = ['mrr', 'new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr', 'fx_impact_mrr'] %}

with

measures as (

    select * from {{ ref('int_revenue_measures_aggregated') }}
    where period_grain = 'month'

),

kpi_rows as (

    select * from {{ ref('kpi_values') }}
    where period_grain = 'month'

),

kpis as (

    select
        measures.period_start,
        measures.dimension,
        measures.dimension_value,
        measures.opening_mrr,
        {%- for kpi in movement_kpis %}
            sum(case when kpi_rows.kpi_id = '{{ kpi }}' then kpi_rows.value end) as {{ kpi }}
            {%- if not loop.last %},{% endif %}
        {%- endfor %}

    from measures
    left join kpi_rows
        on
            measures.period_start = kpi_rows.period_start
            and measures.dimension = kpi_rows.dimension
            and measures.dimension_value = kpi_rows.dimension_value
    group by measures.period_start, measures.dimension, measures.dimension_value, measures.opening_mrr

),

bridge_breaks as (

    select
        period_start,
        dimension,
        dimension_value,
        'movements do not add up to closing MRR' as failure
    from kpis
    where
        coalesce(
            opening_mrr + new_mrr + expansion_mrr + reactivation_mrr - contraction_mrr - churned_mrr + fx_impact_mrr
            != mrr,
            true
        )

),

continuity_breaks as (

    select
        kpis.period_start,
        kpis.dimension,
        kpis.dimension_value,
        'opening MRR differs from the previous month''s closing MRR' as failure
    from kpis
    left join kpis as previous_month
        on
            previous_month.dimension = 'all'
            and previous_month.period_start = cast({{ dbt.dateadd('month', -1, 'kpis.period_start') }} as date)
    where
        kpis.dimension = 'all'
        and kpis.opening_mrr != coalesce(previous_month.mrr, 0)

)

select * from bridge_breaks
union all
select * from continuity_breaks
