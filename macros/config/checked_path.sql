{#- `value` after checking it is a path with the rule profiles.yml uses for its paths: no quotes,
    semicolons or control characters (no path needs them, and they are how text breaks out of a SQL
    string or statement); no glob characters (* ? [ ]), which DuckDB's glob() would expand into
    other directories; and no `..` component, so the loader reads only the directory the user names
    and the contract's <source>/<table> files under it. An absolute path is fine. Anything else
    stops the command with a message naming where the value came from (`name`, such as
    "env REVOPS_RAW_DATA_DIR"), the expected form and the value, JSON-quoted so that quotes and
    control characters show. The macros' counterpart of the checks in profiles.yml, which cannot
    call a macro: dbt renders the profile before it loads any. -#}
{% macro checked_path(value, name, example) -%}
    {%- if value is not string
        or modules.re.fullmatch('(?!(.*[/\\\\])?[.][.]([/\\\\]|$))[^\'"`;*?\\[\\]\\x00-\\x1f\\x7f]+', value) is none -%}
        {{ exceptions.raise_compiler_error(
            name ~ ' must be a path without quotes, semicolons, control or glob characters or .. components'
            ~ ' (an absolute path is fine), such as ' ~ example ~ ', got ' ~ tojson(value)) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}
