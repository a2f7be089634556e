{#- The value of top-level key `key` of the JSON object held in `json_column` (a JSON text column,
    such as the `metadata` Fivetran writes for Stripe objects), as text; null when the column is null
    or the object has no such key. Engine-specific, hence dispatched. `key` is a literal checked
    here (letters, digits and underscores), so no text from a var reaches the SQL unchecked.

    Usage: {{ json_text_field('metadata', 'crm_account_id') }} -#}
{% macro json_text_field(json_column, key) -%}
    {%- if key is not string or modules.re.fullmatch('[A-Za-z0-9_]+', key) is none -%}
        {{ exceptions.raise_compiler_error('json_text_field: the key must be letters, digits and underscores, got ' ~ key) }}
    {%- endif -%}
    {{ return(adapter.dispatch('json_text_field', 'revops')(json_column, key)) }}
{%- endmacro %}

{#- Snowflake and Redshift read JSON text with json_extract_path_text. -#}
{% macro default__json_text_field(json_column, key) -%}
    json_extract_path_text({{ json_column }}, '{{ key }}')
{%- endmacro %}

{% macro duckdb__json_text_field(json_column, key) -%}
    json_extract_string({{ json_column }}, '$.{{ key }}')
{%- endmacro %}

{#- Text or jsonb (what Fivetran writes on PostgreSQL) both cast to jsonb. -#}
{% macro postgres__json_text_field(json_column, key) -%}
    (cast({{ json_column }} as jsonb) ->> '{{ key }}')
{%- endmacro %}

{% macro spark__json_text_field(json_column, key) -%}
    get_json_object({{ json_column }}, '$.{{ key }}')
{%- endmacro %}
