{#- dbt seed on Spark, overriding dbt-spark's load_csv_rows: its session method pastes each value
    between quotes without escaping, so a value holding a quote (kpi_scope's notes do) breaks the
    insert, and could run as SQL. Here every value enters through literal_rows (sql_string_literal),
    in batches of dbt's seed batch size. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set columns = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do columns.append((
            adapter.quote_seed_column(column_name | string, model['config'].get('quote_columns', none)),
            column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))
        )) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql = 'insert into ' ~ this.render() ~ ' ' ~ revops.literal_rows(columns, chunk) -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- do statements.append(sql) -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}
