{#- True when a timestamp's text ends in a UTC offset (`Z`, `+02`, `+02:00`, `-0530`): the raw
    loader refuses offset-less timestamps unless the source's time zone is configured. -#}
{% macro has_utc_offset(text_expression) -%}
    {{ return(adapter.dispatch('has_utc_offset', 'revops')(text_expression)) }}
{%- endmacro %}

{% macro duckdb__has_utc_offset(text_expression) -%}
    regexp_matches(trim({{ text_expression }}), '(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$')
{%- endmacro %}

{% macro postgres__has_utc_offset(text_expression) -%}
    (trim({{ text_expression }}) ~ '(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$')
{%- endmacro %}

{% macro spark__has_utc_offset(text_expression) -%}
    (trim({{ text_expression }}) rlike '(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$')
{%- endmacro %}
