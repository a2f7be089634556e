{#- The raw contract of one source table, from its `config.meta` in the sources YAML: a dict with
    `primary_key` (list of raw key columns), `soft_delete_condition` (a SQL condition on the raw
    columns, true for a soft-deleted row; none when the table has no soft deletes),
    `created_at_column` (when a record was created, for the entry-error rule of soft deletes),
    `row_checks` (the quarantine rules, see raw_row_fates), `amount_columns` (integer amounts the
    loader bounds by var raw_amount_max_abs), `optional` (true when the table may be empty) and
    `monthly_series` ({month, per}: one row per `per` value and month, checked by the loader). The graph is only
    read when executing; at parse time it returns a harmless placeholder (key `1`, no soft deletes).
    Raises a compiler error if the table is not in the sources YAML or declares no primary key.
    dbt unit tests compile without the graph: a unit test of a model that calls this macro (through
    `live_source_rows`) states the contract it exercises in `overrides.macros.raw_table_meta`. -#}
{% macro raw_table_meta(source_name, table_name) %}
    {%- if not execute -%}
        {{ return({'primary_key': ['1'], 'soft_delete_condition': none}) }}
    {%- endif -%}
    {%- if graph.sources is not defined -%}
        {{ exceptions.raise_compiler_error('raw_table_meta(' ~ source_name ~ ', ' ~ table_name ~ '): the graph is empty here; dbt builds unit tests without it, so a unit test of a model that reads the raw contract must set overrides.macros.raw_table_meta') }}
    {%- endif -%}
    {%- set raw_node = graph.sources.values() | selectattr('source_name', 'equalto', source_name)
        | selectattr('name', 'equalto', table_name) | first -%}
    {%- if not raw_node -%}
        {{ exceptions.raise_compiler_error('raw contract: no source ' ~ source_name ~ '.' ~ table_name ~ ' in the sources YAML') }}
    {%- endif -%}
    {%- set meta = raw_node.config.meta or raw_node.meta or {} -%}
    {%- if not meta.get('primary_key') -%}
        {{ exceptions.raise_compiler_error('raw contract: source ' ~ source_name ~ '.' ~ table_name ~ ' declares no meta.primary_key') }}
    {%- endif -%}
    {{ return({
        'primary_key': meta.get('primary_key'),
        'soft_delete_condition': meta.get('soft_delete_condition'),
        'created_at_column': meta.get('created_at_column'),
        'row_checks': meta.get('row_checks') or [],
        'amount_columns': meta.get('amount_columns') or [],
        'optional': meta.get('optional', false),
        'monthly_series': meta.get('monthly_series'),
    }) }}
{% endmacro %}
