{#- Every KPI model's config.meta must carry the whole KPI contract with allowed values and a change
    log (the docs, kpi_catalog, kpi_change_log and kpi_scorecard read it), the model must be in the
    dbt group of its focus area with the group's owner as meta.owner, and `optional_sources` may
    only name raw tables the contract marks optional: returns one row per missing or invalid entry. -#}
{%- set allowed = {
    'focus_area': [
        'pipeline health & revenue growth', 'customer retention & expansion', 'go-to-market efficiency',
        'acquisition quality & funnel performance', 'customer experience & health',
    ],
    'unit': ['currency', 'currency_per_day', 'ratio', 'multiple', 'score', 'count', 'days', 'hours', 'minutes', 'months'],
    'direction': ['higher', 'lower'],
    'indicator': ['leading', 'lagging'],
    'cadence': ['weekly', 'bi-weekly', 'monthly', 'quarterly', 'yearly'],
    'aggregation': ['end_of_period', 'sum', 'recomputed'],
} %}
{%- set free_text = ['label', 'formula', 'owner'] %}
{%- set optional_tables = [] %}
{%- for raw_table in (graph.sources.values() if execute else []) if (raw_table.config.meta or {}).get('optional') %}
    {%- do optional_tables.append(raw_table.source_name ~ '.' ~ raw_table.name) %}
{%- endfor %}
{%- set problems = [] %}
{%- for node in kpi_model_nodes() %}
    {%- set meta = node.config.meta %}
    {%- for key in free_text if not meta.get(key) %}
        {%- do problems.append([meta['kpi_id'], key ~ ' is missing']) %}
    {%- endfor %}
    {%- for key, values in allowed.items() if meta.get(key) not in values %}
        {%- do problems.append([meta['kpi_id'], key ~ ' is ' ~ meta.get(key) ~ ', not one of ' ~ values | join('/')]) %}
    {%- endfor %}
    {%- for source_table in meta.get('optional_sources', []) if source_table not in optional_tables %}
        {%- do problems.append([meta['kpi_id'], 'optional_sources names ' ~ source_table ~ ', not a raw table with meta.optional']) %}
    {%- endfor %}
    {#- The owner is the group's: every KPI sits in the dbt group of its focus area (models/marts/_groups.yml). -#}
    {%- set group = graph.groups.get('group.revops.' ~ node.config.group) if node.config.group %}
    {%- if not group or group.config.meta.focus_area != meta.get('focus_area') %}
        {%- do problems.append([meta['kpi_id'], 'group ' ~ node.config.group ~ ' is not the group of focus area ' ~ meta.get('focus_area')]) %}
    {%- elif group.owner.name != meta.get('owner') %}
        {%- do problems.append([meta['kpi_id'], 'owner ' ~ meta.get('owner') ~ ' is not ' ~ group.owner.name ~ ', the owner of group ' ~ group.name]) %}
    {%- endif %}
    {%- if not node.description %}
        {%- do problems.append([meta['kpi_id'], 'the model has no description']) %}
    {%- endif %}
    {%- set changes = meta.get('changes') %}
    {%- if not changes or changes is string or changes is mapping %}
        {%- do problems.append([meta['kpi_id'], 'changes must be a list of {version, change} entries']) %}
    {%- else %}
        {%- for entry in changes if not (entry is mapping and entry.get('version') and entry.get('change')) %}
            {%- do problems.append([meta['kpi_id'], 'changes entry ' ~ loop.index ~ ' needs a version and a change']) %}
        {%- endfor %}
    {%- endif %}
{%- endfor %}

{{ literal_rows([('kpi_id', dbt.type_string()), ('problem', dbt.type_string())], problems) }}
