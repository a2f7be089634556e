{#- The KPI catalog: one row per KPI, generated at build time from each KPI model's YAML (its
    description and config.meta), so it can never drift from the definitions in the docs. -#}
{#- A quarterly or yearly KPI is reviewed on the fiscal calendar (its last reporting grain). -#}
{%- set review_grains = {
    'weekly': 'week', 'bi-weekly': 'biweek', 'monthly': 'month',
    'quarterly': reporting_grains(['quarter']) | last, 'yearly': reporting_grains(['year']) | last,
} %}
{%- set text = dbt.type_string() %}
{%- set rows = [] %}
{%- for node in kpi_model_nodes() %}
    {%- set meta = node.config.meta %}
    {%- set changes = meta.get('changes') or [{}] %}
    {%- do rows.append([
        meta.kpi_id, meta.label, node.description | trim, (meta.formula or '') | trim, meta.unit,
        meta.direction, meta.focus_area, meta.indicator, meta.cadence, review_grains.get(meta.cadence),
        meta.aggregation, meta.owner, node.name, (changes | last).get('version'),
        (meta.get('optional_sources') or []) | join(', ') or none,
    ]) %}
{%- endfor %}

with

kpi_models as (

    {{ literal_rows(
        [
            ('kpi_id', text), ('label', text), ('definition', text), ('formula', text), ('unit', text),
            ('direction', text), ('focus_area', text), ('indicator', text), ('cadence', text),
            ('review_grain', text), ('aggregation', text), ('owner', text), ('model_name', text),
            ('definition_version', text), ('optional_sources', text),
        ],
        rows,
    ) }}

)

select * from kpi_models
