{#- The one way a date from outside the SQL (a var) enters SQL text: `cast('YYYY-MM-DD' as date)`,
    rendered only after `is_iso_date` has checked the value is a real date in that form, and quoted
    by `sql_string_literal`, so the quoted text can only ever be digits and hyphens. Pass it the result of `checked_date_var`. -#}
{% macro sql_date_literal(value) -%}
    {%- if not is_iso_date(value) -%}
        {{ exceptions.raise_compiler_error(
            'sql_date_literal: expected a real calendar date written YYYY-MM-DD, got ' ~ "'" ~ value ~ "'"
        ) }}
    {%- endif -%}
    cast({{ sql_string_literal(value) }} as date)
{%- endmacro %}
