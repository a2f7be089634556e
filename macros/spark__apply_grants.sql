{#- dbt's grants on Spark, overriding dbt's default only when there is nothing to grant (no var
    bi_reader_role): the default then still asks `show grants on` each rebuilt mart, which only
    Databricks answers; a local Spark fails on it. With a role to grant, dbt's own rule runs. -#}
{% macro spark__apply_grants(relation, grant_config, should_revoke=True) %}
    {%- if grant_config and grant_config.values() | select | list -%}
        {{ return(default__apply_grants(relation, grant_config, should_revoke)) }}
    {%- endif -%}
{% endmacro %}
