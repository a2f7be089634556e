{#- Rows written out as SQL literals, for tables generated from the project's YAML at build time.
    `columns` is a list of (name, data type) pairs, `rows` a list of value lists (strings, numbers,
    booleans or none). With no rows it is still the typed, empty relation, so whatever reads it
    compiles while dbt parses. -#}
{% macro literal_rows(columns, rows) -%}
    select
    {%- for name, data_type in columns %}
        cast(null as {{ data_type }}) as {{ name }}{{ ',' if not loop.last }}
    {%- endfor %}
    where 1 = 0
    {%- for row in rows %}
        union all
        select
        {%- for value in row %}
            cast(
                {%- if value is none %} null
                {%- elif value is sameas true or value is sameas false %} {{ value | lower }}
                {%- elif value is number %} {{ value }}
                {%- else %} {{ sql_string_literal(value) }}
                {%- endif %} as {{ columns[loop.index0][1] }}
            ){{ ',' if not loop.last }}
        {%- endfor %}
    {%- endfor %}
{%- endmacro %}
