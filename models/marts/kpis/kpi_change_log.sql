{#- The KPI definitions' change log: one row per entry of each KPI model's config.meta.changes,
    generated at build time from the YAML, in the order written there. -#}
{%- set rows = [] %}
{%- for node in kpi_model_nodes() %}
    {%- for entry in node.config.meta.get('changes') or [] %}
        {%- do rows.append([node.config.meta.kpi_id, loop.index, entry.get('version'), entry.get('change')]) %}
    {%- endfor %}
{%- endfor %}

with

kpi_changes as (

    {{ literal_rows(
        [
            ('kpi_id', dbt.type_string()), ('change_sequence', dbt.type_int()),
            ('version', dbt.type_string()), ('change', dbt.type_string()),
        ],
        rows,
    ) }}

)

select * from kpi_changes
