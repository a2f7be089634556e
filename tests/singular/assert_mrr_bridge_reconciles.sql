{#- The MRR bridge, from the published kpi_values, driven by the calendar: the company total in
    every month of int_reporting_periods_listed, each breakdown in the months it has measures in.
    Fails when a month (company total) or breakdown row is missing from kpi_values for one of the
    bridge KPIs, or from the measures; when opening + new + expansion + reactivation − contraction −
    churned + FX impact ≠ closing, to the cent; and when the company's opening differs from the
    previous month's closing, so no customer can leave the spine without a churn movement. A month
    in which nobody pays must still be there, with zeros. Returns the failing rows. -#}
{%- set movement_kpis = ['mrr', 'new_mrr', 'expansion_mrr', 'reactivation_mrr', 'contraction_mrr', 'churned_mrr', 'fx_impact_mrr'] %}

with

calendar_months as (

    select * from {{ ref('int_reporting_periods_listed') }}
    where period_grain = 'month'

),

measures as (

    select * from {{ ref('measures_revenue_aggregated') }}
    where period_grain = 'month'

),

kpi_rows as (

    select * from {{ ref('kpi_values') }}
    where
        period_grain = 'month'
        and kpi_id in ('{{ movement_kpis | join("', '") }}')

),

row_keys as (

    {{ period_row_keys('measures', 'calendar_months') }}

),

bridge_kpis as (

    {%- for kpi in movement_kpis %}
        select '{{ kpi }}' as kpi_id
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

),

missing_kpi_rows as (

    select
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        {{ dbt.concat(["'no '", 'bridge_kpis.kpi_id', "' row in kpi_values'"]) }} as failure
    from row_keys
    cross join bridge_kpis
    left join kpi_rows
        on
            {{ kpi_row_join('row_keys', 'kpi_rows') }}
            and bridge_kpis.kpi_id = kpi_rows.kpi_id
    where kpi_rows.kpi_id is null

),

missing_measures as (

    select
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        'no row in measures_revenue_aggregated' as failure
    from row_keys
    left join measures
        on {{ kpi_row_join('row_keys', 'measures') }}
    where measures.period_start is null

),

kpis as (

    select
        row_keys.period_start,
        row_keys.dimension,
        row_keys.dimension_value,
        measures.opening_mrr,
        {%- for kpi in movement_kpis %}
            sum(case when kpi_rows.kpi_id = '{{ kpi }}' then kpi_rows.value end) as {{ kpi }}
            {%- if not loop.last %},{% endif %}
        {%- endfor %}

    from row_keys
    left join measures
        on {{ kpi_row_join('row_keys', 'measures') }}
    left join kpi_rows
        on {{ kpi_row_join('row_keys', 'kpi_rows') }}
    group by row_keys.period_start, row_keys.dimension, row_keys.dimension_value, measures.opening_mrr

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
        and coalesce(kpis.opening_mrr != coalesce(previous_month.mrr, 0), true)

)

select * from missing_kpi_rows
union all
select * from missing_measures
union all
select * from bridge_breaks
union all
select * from continuity_breaks
