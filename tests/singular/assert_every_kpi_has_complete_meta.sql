{#- Every KPI model's config.meta must carry the whole KPI contract with allowed values (the docs,
    the catalog and the scorecard read it): returns one row per missing or invalid entry. -#}
{%- set allowed = {
    'focus_area': [
        'pipeline health & revenue growth', 'customer retention & expansion', 'go-to-market efficiency',
        'acquisition quality & funnel performance', 'customer experience & health',
    ],
    'unit': ['currency', 'currency_per_day', 'ratio', 'score', 'count', 'days', 'hours', 'minutes', 'months'],
    'direction': ['higher', 'lower'],
    'indicator': ['leading', 'lagging'],
    'cadence': ['weekly', 'bi-weekly', 'monthly', 'quarterly', 'yearly'],
    'aggregation': ['end_of_period', 'sum', 'recomputed'],
} %}
{%- set free_text = ['label', 'formula', 'owner'] %}
{%- set problems = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.config.meta.get('kpi_id') %}
        {%- set meta = node.config.meta %}
        {%- for key in free_text if not meta.get(key) %}
            {%- do problems.append((meta['kpi_id'], key ~ ' is missing')) %}
        {%- endfor %}
        {%- for key, values in allowed.items() if meta.get(key) not in values %}
            {%- do problems.append((meta['kpi_id'], key ~ ' is ' ~ meta.get(key) ~ ', not one of ' ~ values | join('/'))) %}
        {%- endfor %}
        {%- if not node.description %}
            {%- do problems.append((meta['kpi_id'], 'the model has no description')) %}
        {%- endif %}
    {%- endfor %}
{%- endif %}

select
    kpi_id,
    problem
from (
    select
        cast(null as {{ dbt.type_string() }}) as kpi_id,
        cast(null as {{ dbt.type_string() }}) as problem
    {%- for kpi_id, problem in problems %}
        union all
        select
            '{{ kpi_id }}' as kpi_id,
            '{{ problem | replace("'", "''") }}' as problem
    {%- endfor %}
) as kpi_meta_problems
where kpi_id is not null
