{#- Each KPI's aggregation (sum, end_of_period or recomputed: how its periods roll up), by kpi_id,
    from the KPI models' config.meta: what the target roll-up needs without reading the catalog
    mart, so targets stay below the KPI layer. Empty while dbt parses. -#}
{% macro kpi_aggregations() -%}
    {%- set aggregations = {} %}
    {%- for node in kpi_model_nodes() %}
        {%- do aggregations.update({node.config.meta.kpi_id: node.config.meta.aggregation}) %}
    {%- endfor %}
    {{- return(aggregations) }}
{%- endmacro %}
