{#- The KPI catalog: one row per KPI, generated at build time from each KPI model's YAML (its
    description and config.meta), so it can never drift from the definitions in the docs. Its review
    grain is the cadence's, unless the RevOps targets set the KPI's targets only at other grains:
    then the finest of those, so a KPI with quarterly targets is scored by quarter where people look,
    not shown by month with no target. -#}
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

),

targets as (

    select * from {{ ref('fct_kpi_targets') }}

),

{%- set grain_order = ['week', 'biweek', 'month', 'quarter', 'fiscal_quarter', 'year', 'fiscal_year'] %}

target_grains as (

    {#- Per KPI: whether any target (set or rolled up) falls on the cadence's grain, and the finest
        grain with a target set in the RevOps targets. -#}
    select
        kpi_models.kpi_id,
        max(case when targets.period_grain = kpi_models.review_grain then 1 else 0 end) as has_cadence_target,
        min(case when targets.target_origin = 'set' then case targets.period_grain
            {%- for grain in grain_order %}
                when {{ sql_string_literal(grain) }} then {{ loop.index }}
            {%- endfor %}
        end end) as finest_set_grain_rank

    from kpi_models
    inner join targets
        on kpi_models.kpi_id = targets.kpi_id
    group by kpi_models.kpi_id

),

final as (

    select
        kpi_models.kpi_id,
        kpi_models.label,
        kpi_models.definition,
        kpi_models.formula,
        kpi_models.unit,
        kpi_models.direction,
        kpi_models.focus_area,
        kpi_models.indicator,
        kpi_models.cadence,
        cast(coalesce(
            case
                when target_grains.has_cadence_target = 0
                    then case target_grains.finest_set_grain_rank
                        {%- for grain in grain_order %}
                            when {{ loop.index }} then {{ sql_string_literal(grain) }}
                        {%- endfor %}
                    end
            end,
            kpi_models.review_grain
        ) as {{ text }}) as review_grain,
        kpi_models.aggregation,
        kpi_models.owner,
        kpi_models.model_name,
        kpi_models.definition_version,
        kpi_models.optional_sources

    from kpi_models
    left join target_grains
        on kpi_models.kpi_id = target_grains.kpi_id

)

select * from final
