{#- `column=value, ...` of the given columns as text (a null shown as null): names a row in a
    failure (valid_rows); null when no column is given. -#}
{% macro row_key_text(columns) -%}
    {%- if not columns -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        concat_ws(
            ', '
            {%- for column in columns %},
            {{ sql_string_literal(column ~ '=') }} || coalesce(cast({{ column }} as {{ dbt.type_string() }}), 'null')
            {%- endfor %}
        )
    {%- endif -%}
{%- endmacro %}
