{#- Every raw row with its fate (staged, superseded, entry_error, quarantined), decided once from the
    raw contract by raw_row_fates: one CTE per raw table, parents before children, so a row check
    that references another table reads that table's fates. Staging keeps the rows staged here
    (live_source_rows); audit_quarantined_rows and audit_raw_row_counts read the rest. -#}
{{ config(pre_hook="{{ without_jit() }}") }}
{%- set tables = raw_tables_in_reference_order() %}
{%- set parent_ctes = {} %}
{%- for source_name, table_name in tables %}
    {%- do parent_ctes.update({source_name ~ '.' ~ table_name: source_name ~ '__' ~ table_name}) %}
{%- endfor %}

with

{% for source_name, table_name in tables %}
    {{ source_name }}__{{ table_name }} as (

        {{ raw_row_fates(source_name, table_name, parent_ctes) }}

    ),
{% endfor %}

fates as (

    {% for source_name, table_name in tables %}
        {%- set meta = raw_table_meta(source_name, table_name) %}
        {%- set columns = [meta.primary_key | first, '_loaded_at'] %}
        {%- for check in meta.row_checks if check.column not in columns %}
            {%- do columns.append(check.column) %}
        {%- endfor %}
        select
            {{ sql_string_literal(source_name) }} as source_name,
            {{ sql_string_literal(table_name) }} as table_name,
            _row_key as row_key,
            _loaded_at as raw_loaded_at,
            _row_fate as row_fate,
            _reject_reason as reason_code,
            _reject_column as column_name,
            case _reject_column
                {%- for column in columns %}
                    when {{ sql_string_literal(column) }} then cast({{ adapter.quote(column | lower) }} as {{ dbt.type_string() }})
                {%- endfor %}
            end as raw_value,
            _is_deleted as is_deleted,
            _deleted_at as raw_deleted_at
        from {{ source_name }}__{{ table_name }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        source_name,
        table_name,
        row_key,
        raw_loaded_at,
        {{ to_utc_timestamp('raw_loaded_at') }} as loaded_at,
        row_fate,
        reason_code,
        column_name,
        raw_value,
        is_deleted,
        {{ to_utc_timestamp('raw_deleted_at') }} as deleted_at

    from fates

)

select * from final
