{#- Every model whose config.meta has a kpi_id must be named after it and publish rows under that
    kpi_id in kpi_values, and nothing else may: returns the kpi_ids that break either rule. -#}
{%- set declared = [] %}
{%- set misnamed = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.config.meta.get('kpi_id') %}
        {%- do declared.append(node.config.meta['kpi_id']) %}
        {%- if node.name != node.config.meta['kpi_id'] %}{% do misnamed.append(node.config.meta['kpi_id']) %}{% endif %}
    {%- endfor %}
{%- endif %}

with

declared_kpis as (

    {% for kpi_id in declared | sort %}
        select '{{ kpi_id }}' as kpi_id
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

published_kpis as (

    select distinct kpi_id from {{ ref('kpi_values') }}

)

select
    coalesce(declared_kpis.kpi_id, published_kpis.kpi_id) as kpi_id,
    case
        when published_kpis.kpi_id is null then 'declared in meta but has no rows in kpi_values'
        else 'in kpi_values but no model declares it'
    end as failure
from declared_kpis
full outer join published_kpis
    on declared_kpis.kpi_id = published_kpis.kpi_id
where declared_kpis.kpi_id is null or published_kpis.kpi_id is null
{%- for kpi_id in misnamed %}
union all
select '{{ kpi_id }}' as kpi_id, 'the model declaring it is not named after it' as failure
{%- endfor %}
