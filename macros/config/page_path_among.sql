{% macro page_path_among(column, paths) -%}
    {#- True when the normalised page path `column` is one of `paths` or lies below one
        ('/signup/company' is below '/signup'). -#}
    (
    {%- for path in paths %}
        {{ 'or ' if not loop.first }}{{ column }} = {{ sql_string_literal(path) }}
        or {{ column }} like {{ sql_string_literal(path ~ '/%') }}
    {%- endfor %}
    )
{%- endmacro %}
