{#- The models that define a KPI (a `kpi_id` in their config.meta), sorted by kpi_id: what the KPI
    catalog, the change log and the KPI contract tests read. Empty while dbt parses. -#}
{% macro kpi_model_nodes() -%}
    {%- set nodes = [] %}
    {%- if execute %}
        {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.config.meta.get('kpi_id') %}
            {%- do nodes.append(node) %}
        {%- endfor %}
    {%- endif %}
    {{- return(nodes | sort(attribute='config.meta.kpi_id')) }}
{%- endmacro %}
