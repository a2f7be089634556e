{#- Every model whose config.meta has a kpi_id must be named after it and publish rows under that
    kpi_id in kpi_values, and nothing else may: returns the kpi_ids that break either rule. -#}
{%- set declared = [] %}
{%- set misnamed = [] %}
{%- for node in kpi_model_nodes() %}
    {%- do declared.append([node.config.meta['kpi_id']]) %}
    {%- if node.name != node.config.meta['kpi_id'] %}{% do misnamed.append([node.config.meta['kpi_id']]) %}{% endif %}
{%- endfor %}

with

declared_kpis as (

    {{ literal_rows([('kpi_id', dbt.type_string())], declared) }}

),

misnamed_kpis as (

    {{ literal_rows([('kpi_id', dbt.type_string())], misnamed) }}

),

published_kpis as (

    select distinct kpi_id from {{ ref('kpi_values') }}

)

select
    coalesce(declared_kpis.kpi_id, published_kpis.kpi_id) as kpi_id,
    case
        when published_kpis.kpi_id is null then 'declared in meta but has no rows in kpi_values (run scripts/register_kpis.py)'
        else 'in kpi_values but no model declares it'
    end as failure
from declared_kpis
full outer join published_kpis
    on declared_kpis.kpi_id = published_kpis.kpi_id
where declared_kpis.kpi_id is null or published_kpis.kpi_id is null
union all
select
    kpi_id,
    'the model declaring it is not named after it' as failure
from misnamed_kpis
