{#- True when a non-null text value does not cast to the declared type: the raw loader uses it to
    name the offending row instead of failing on an anonymous cast error. -#}
{% macro is_not_castable(text_expression, data_type) -%}
    {{ return(adapter.dispatch('is_not_castable', 'revops')(text_expression, data_type)) }}
{%- endmacro %}

{% macro duckdb__is_not_castable(text_expression, data_type) -%}
    try_cast({{ text_expression }} as {{ data_type }}) is null
{%- endmacro %}

{#- PostgreSQL 15 has no try_cast: check the text against the shape each type family accepts. -#}
{% macro postgres__is_not_castable(text_expression, data_type) -%}
    {%- set type_family = data_type | lower | replace(' ', '') -%}
    {%- if type_family in ('bigint', 'integer', 'int', 'smallint') -%}
        {%- set pattern = '^\s*[-+]?[0-9]+\s*$' -%}
    {%- elif type_family.startswith('numeric') or type_family.startswith('decimal') or type_family in ('double', 'real', 'float') -%}
        {%- set pattern = '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' -%}
    {%- elif type_family == 'boolean' -%}
        {%- set pattern = '^\s*(true|false|t|f|1|0|yes|no|y|n)\s*$' -%}
    {%- elif type_family == 'date' -%}
        {%- set pattern = '^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$' -%}
    {%- elif type_family.startswith('timestamp') -%}
        {%- set pattern = '^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?\s*(Z|[-+][0-9]{2}(:?[0-9]{2})?)?\s*$' -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error('is_not_castable: no text check for type ' ~ data_type) }}
    {%- endif -%}
    {{ text_expression }} !~* '{{ pattern }}'
{%- endmacro %}
