{#- Keeps the latest synced version of every row: EL tools re-sync a changed row with a later
    `_loaded_at` and the same key. The source test unique_combination_of_columns(key, _loaded_at)
    guarantees the latest version is unique, so the result does not depend on row order.
    Staging models apply it to the raw rows before dropping soft-deleted ones. -#}
{% macro latest_version(relation, key_columns, loaded_at_column='_loaded_at') -%}
    {{ return(adapter.dispatch('latest_version', 'revops')(relation, key_columns, loaded_at_column)) }}
{%- endmacro %}

{% macro default__latest_version(relation, key_columns, loaded_at_column) -%}
    select distinct on ({{ key_columns | join(', ') }}) *
    from {{ relation }}
    order by {{ key_columns | join(', ') }}, {{ loaded_at_column }} desc
{%- endmacro %}
