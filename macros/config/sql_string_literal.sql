{#- The one way a value from outside the SQL (a var, an env value, a contract setting, a file name)
    enters SQL text as a string literal: checked to be a string or number, with every single quote
    doubled (and on Spark every backslash), so it can never end the literal and run as SQL.
    Checked when SQL is compiled: while dbt parses test arguments, the macros inside them return
    placeholders. -#}
{% macro sql_string_literal(value) -%}
    {%- if execute and (value is none or value is mapping or (value is iterable and value is not string)) -%}
        {{ exceptions.raise_compiler_error('sql_string_literal: expected a string or number, got ' ~ value) }}
    {%- endif -%}
    '{{ adapter.dispatch('string_literal_body', 'revops')(value | string) }}'
{%- endmacro %}

{#- The text between the quotes of a string literal holding `text`: every single quote doubled. -#}
{% macro default__string_literal_body(text) -%}
    {{ text | replace("'", "''") }}
{%- endmacro %}

{#- Spark reads a backslash in a string literal as an escape (so `\'` would end the literal): each
    backslash is doubled too. -#}
{% macro spark__string_literal_body(text) -%}
    {{ text | replace('\\', '\\\\') | replace("'", "''") }}
{%- endmacro %}
