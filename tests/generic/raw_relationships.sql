{#- Fails with every value of `column_name` that is not the `field` of some raw row of raw-contract
    table `raw_table` ('source.table'): the native raw table, or the source adapter's model that
    stands for it (raw_relation). Raw, not staged: a reference to a row that the quarantine or the
    entry-error rule kept out of staging still points at a record the source system has. -#}
{% test raw_relationships(model, column_name, raw_table, field) %}
    {%- set source_name, table_name = raw_table.split('.') -%}
    select child_rows.{{ column_name }} as missing_value
    from {{ model }} as child_rows
    left join (
        select distinct {{ field }} as parent_key from {{ raw_relation(source_name, table_name) }}
    ) as parent_rows
        on child_rows.{{ column_name }} = parent_rows.parent_key
    where child_rows.{{ column_name }} is not null and parent_rows.parent_key is null
{% endtest %}
