{#- Layer schemas keep their plain names (staging, intermediate, measures, marts, audit) so BI tools
    always find the marts in `marts`; targets are isolated by database file or database,
    not by schema prefixes. Models without a custom schema use the target schema. With var
    `write_audit_publish` (PostgreSQL's write-audit-publish, scripts/publish_warehouse.py) the marts
    build into the unpublished schema (macro marts_schema), which publish_marts swaps in. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- elif custom_schema_name | trim == 'marts' and checked_bool_var('write_audit_publish') -%}
        {{ marts_schema('unpublished') }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
