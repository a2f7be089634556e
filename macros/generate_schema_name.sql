{#- Layer schemas keep their plain names (staging, intermediate, marts, audit) so BI tools
    always find the marts in `marts`; targets are isolated by database file or database,
    not by schema prefixes. Models without a custom schema use the target schema. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
