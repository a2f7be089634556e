{#- The whole row of a table alias as one text value, to compare two rows' contents (raw_row_fates
    tells an identical re-sync from two different versions synced at the same time). -#}
{% macro row_as_text(table_alias) -%}
    {{ return(adapter.dispatch('row_as_text', 'revops')(table_alias)) }}
{%- endmacro %}

{% macro default__row_as_text(table_alias) -%}
    cast({{ table_alias }} as {{ dbt.type_string() }})
{%- endmacro %}
