{#- A value that stands for the whole row of a table alias, to compare two rows' contents
    (raw_row_fates tells an identical re-sync from two different versions synced at the same time). -#}
{% macro row_fingerprint(table_alias) -%}
    {{ return(adapter.dispatch('row_fingerprint', 'revops')(table_alias)) }}
{%- endmacro %}

{#- The row as text: exact, and what every engine can do. -#}
{% macro default__row_fingerprint(table_alias) -%}
    cast({{ table_alias }} as {{ dbt.type_string() }})
{%- endmacro %}

{#- DuckDB: the row's 64-bit hash, about twice as fast over every raw row as casting it to text. -#}
{% macro duckdb__row_fingerprint(table_alias) -%}
    hash({{ table_alias }})
{%- endmacro %}

{#- Spark: a 64-bit hash of every column (a row cannot be cast to text). -#}
{% macro spark__row_fingerprint(table_alias) -%}
    xxhash64({{ table_alias }}.*)
{%- endmacro %}
