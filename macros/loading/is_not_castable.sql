{#- True when a non-null text value does not cast to the declared type: the raw loader uses it to
    name the offending row instead of failing on an anonymous cast error. -#}
{% macro is_not_castable(text_expression, data_type) -%}
    {{ return(adapter.dispatch('is_not_castable', 'revops')(text_expression, data_type)) }}
{%- endmacro %}

{% macro duckdb__is_not_castable(text_expression, data_type) -%}
    try_cast({{ text_expression }} as {{ data_type }}) is null
{%- endmacro %}

{#- The regular expression (case-insensitive) of the text a type family casts from, for engines
    without try_cast: integers, decimals and floats, boolean, date and timestamp. -#}
{% macro castable_text_pattern(data_type) -%}
    {%- set type_family = data_type | lower | replace(' ', '') -%}
    {%- if type_family in ('bigint', 'integer', 'int', 'smallint') -%}
        {{ return('^\\s*[-+]?[0-9]+\\s*$') }}
    {%- elif type_family.startswith('numeric') or type_family.startswith('decimal') or type_family in ('double', 'real', 'float') -%}
        {{ return('^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$') }}
    {%- elif type_family == 'boolean' -%}
        {{ return('^\\s*(true|false|t|f|1|0|yes|no|y|n)\\s*$') }}
    {%- elif type_family == 'date' -%}
        {{ return('^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$') }}
    {%- elif type_family.startswith('timestamp') -%}
        {{ return('^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?)?\\s*(Z|[-+][0-9]{2}(:?[0-9]{2})?)?\\s*$') }}
    {%- else -%}
        {{ exceptions.raise_compiler_error('is_not_castable: no text check for type ' ~ data_type) }}
    {%- endif -%}
{%- endmacro %}

{#- PostgreSQL 15 has no try_cast: the text must have the shape its type family accepts. -#}
{% macro postgres__is_not_castable(text_expression, data_type) -%}
    {{ text_expression }} !~* {{ sql_string_literal(revops.castable_text_pattern(data_type)) }}
{%- endmacro %}

{#- Spark (ANSI mode off, as dbt-spark sets it) casts bad text to null, but also truncates '1.5' to
    the integer 1: the text must have its type family's shape and the cast must succeed (a date such
    as 2024-02-31 has the shape). -#}
{% macro spark__is_not_castable(text_expression, data_type) -%}
    (not ({{ text_expression }} rlike {{ sql_string_literal('(?i)' ~ revops.castable_text_pattern(data_type)) }})
        or cast({{ text_expression }} as {{ revops.contract_type(data_type) }}) is null)
{%- endmacro %}
