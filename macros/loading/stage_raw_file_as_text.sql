{#- Reads one raw CSV file into a temporary table whose columns are all text, named as in the
    file's header, and returns the header's column names. Engine-specific: DuckDB reads the file
    itself; PostgreSQL's server reads it with COPY (the path must be absolute and readable by
    the server), against the declared column list. -#}
{% macro stage_raw_file_as_text(text_table, file_path, columns, table_label) -%}
    {{ return(adapter.dispatch('stage_raw_file_as_text', 'revops')(text_table, file_path, columns, table_label)) }}
{%- endmacro %}

{% macro duckdb__stage_raw_file_as_text(text_table, file_path, columns, table_label) -%}
    {%- set found = run_query("select count(*) from glob('" ~ file_path ~ "')") -%}
    {%- if found.rows[0][0] == 0 -%}
        {{ exceptions.raise_compiler_error('raw data error in source ' ~ table_label ~ ': file ' ~ file_path ~ ' not found') }}
    {%- endif -%}
    {%- call statement('stage_raw_file') -%}
        create or replace temporary table {{ text_table }} as
        select * from read_csv(
            '{{ file_path }}',
            header = true, all_varchar = true, delim = ',', quote = '"', escape = '"'
        )
    {%- endcall -%}
    {{ return(run_query('select * from ' ~ text_table ~ ' limit 0').column_names | list) }}
{%- endmacro %}

{% macro postgres__stage_raw_file_as_text(text_table, file_path, columns, table_label) -%}
    {%- set found = run_query("select (pg_stat_file('" ~ file_path ~ "', true)).size is not null") -%}
    {%- if not found.rows[0][0] -%}
        {{ exceptions.raise_compiler_error('raw data error in source ' ~ table_label ~ ': file ' ~ file_path ~ ' not found by the server (use an absolute path it can read)') }}
    {%- endif -%}
    {%- call statement('stage_raw_file') -%}
        drop table if exists {{ text_table }};
        create temporary table {{ text_table }} (
        {%- for column in columns %}
            {{ adapter.quote(column.name) }} text{{ ',' if not loop.last }}
        {%- endfor %}
        );
        copy {{ text_table }} from '{{ file_path }}' with (format csv, header match)
    {%- endcall -%}
    {{ return(columns | map(attribute='name') | list) }}
{%- endmacro %}
