{#- Loads every raw table declared in the sources YAML from `<raw_data_dir>/<source>/<table>.csv`
    into the source's schema, with the column names and `data_type`s the YAML declares: the
    sources YAML is the raw contract, and nothing is guessed from the file.

    Usage: dbt run-operation load_raw_data [--args '{raw_data_dir: path/to/csvs}']
    The directory defaults to $REVOPS_RAW_DATA_DIR, else `seeds` (the committed demo data).

    A file that breaks the contract stops the load with an error naming the source, table, file,
    column and the primary key of the offending row (a missing file, a missing column, or a value
    that does not cast to the declared type). Columns the contract does not know are ignored
    with a warning, as exports grow columns over time. -#}
{% macro load_raw_data(raw_data_dir=none) %}
    {%- set raw_data_dir = raw_data_dir or env_var('REVOPS_RAW_DATA_DIR', 'seeds') -%}
    {%- set raw_tables = graph.sources.values() | selectattr('package_name', 'equalto', project_name)
        | sort(attribute='unique_id') -%}
    {%- for raw_table in raw_tables -%}
        {%- set file_path = raw_data_dir ~ '/' ~ raw_table.source_name ~ '/' ~ raw_table.name ~ '.csv' -%}
        {%- set row_count = revops.load_raw_table(raw_table, file_path) -%}
        {{ log('loaded ' ~ raw_table.source_name ~ '.' ~ raw_table.name ~ ': ' ~ row_count ~ ' rows from ' ~ file_path, info=true) }}
    {%- endfor -%}
{% endmacro %}


{#- Loads one raw table; returns its row count. -#}
{% macro load_raw_table(raw_table, file_path) %}
    {%- set table_label = raw_table.source_name ~ '.' ~ raw_table.name -%}
    {%- set columns = raw_table.columns.values() | list -%}
    {%- set primary_key = revops.raw_table_meta(raw_table.source_name, raw_table.name).primary_key -%}
    {%- for column in columns if not column.data_type -%}
        {{ exceptions.raise_compiler_error('raw contract: column ' ~ column.name ~ ' of source ' ~ table_label ~ ' declares no data_type') }}
    {%- endfor -%}

    {#- 1. The file, every value as text, in a temporary table. -#}
    {%- set text_table = '__raw_text_' ~ raw_table.source_name ~ '__' ~ raw_table.name -%}
    {%- set file_columns = revops.stage_raw_file_as_text(text_table, file_path, columns, table_label) -%}

    {#- 2. Every declared column is in the file. -#}
    {%- set file_columns_lower = file_columns | map('lower') | list -%}
    {%- set declared_lower = columns | map(attribute='name') | map('lower') | list -%}
    {%- set missing = [] -%}
    {%- for column in columns if column.name | lower not in file_columns_lower -%}
        {%- do missing.append(column.name) -%}
    {%- endfor -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error('raw data error in source ' ~ table_label ~ ' (' ~ file_path ~ '): missing column(s) ' ~ missing | join(', ') ~ '; the file has ' ~ file_columns | join(', ')) }}
    {%- endif -%}
    {%- for extra in file_columns if extra | lower not in declared_lower -%}
        {{ log('warning: source ' ~ table_label ~ ' (' ~ file_path ~ '): column ' ~ extra ~ ' is not in the raw contract and is not loaded', info=true) }}
    {%- endfor -%}

    {#- 3. Every value casts to its declared type; else name column, key and value. -#}
    {%- set key_expression = revops.raw_key_expression(primary_key) -%}
    {%- set checks = [] -%}
    {%- for column in columns if column.data_type | lower not in ('varchar', 'text') -%}
        {%- do checks.append(
            "select '" ~ column.name ~ "' as column_name, " ~ key_expression ~ " as key_value, "
            ~ adapter.quote(column.name) ~ " as raw_value from " ~ text_table
            ~ " where " ~ adapter.quote(column.name) ~ " is not null and "
            ~ revops.is_not_castable(adapter.quote(column.name), column.data_type)
        ) -%}
    {%- endfor -%}
    {%- if checks -%}
        {%- set bad_values = run_query('select * from (' ~ checks | join(' union all ') ~ ') as bad_values order by 1, 2 limit 5') -%}
        {%- if bad_values.rows | length > 0 -%}
            {%- set problems = [] -%}
            {%- for row in bad_values.rows -%}
                {%- do problems.append('column ' ~ row[0] ~ ', key ' ~ primary_key | join('|') ~ '=' ~ row[1] ~ ": '" ~ row[2] ~ "' is not a valid " ~ (columns | selectattr('name', 'equalto', row[0]) | first).data_type) -%}
            {%- endfor -%}
            {{ exceptions.raise_compiler_error('raw data error in source ' ~ table_label ~ ' (' ~ file_path ~ '): ' ~ problems | join('; ')) }}
        {%- endif -%}
    {%- endif -%}

    {#- 4. The typed raw table, replacing the previous load. -#}
    {%- set target_relation = api.Relation.create(database=raw_table.database, schema=raw_table.schema, identifier=raw_table.identifier) -%}
    {%- do adapter.create_schema(target_relation) -%}
    {%- call statement('load_typed_raw_table') -%}
        {#- cascade: on PostgreSQL the staging views depend on it; dbt build recreates them. -#}
        drop table if exists {{ target_relation }} cascade;
        create table {{ target_relation }} as
        select
        {%- for column in columns %}
            cast({{ adapter.quote(column.name) }} as {{ column.data_type }}) as {{ adapter.quote(column.name | lower) }}{{ ',' if not loop.last }}
        {%- endfor %}
        from {{ text_table }};
        drop table {{ text_table }};
    {%- endcall -%}
    {%- do adapter.commit() -%}
    {%- set loaded = run_query('select count(*) from ' ~ target_relation) -%}
    {{ return(loaded.rows[0][0]) }}
{% endmacro %}


{#- The primary key of a raw row as one text value, for error messages. -#}
{% macro raw_key_expression(primary_key) -%}
    {%- set parts = [] -%}
    {%- for key_column in primary_key -%}
        {%- do parts.append("coalesce(" ~ adapter.quote(key_column) ~ ", '<null>')") -%}
    {%- endfor -%}
    {{ parts | join(" || '|' || ") }}
{%- endmacro %}
