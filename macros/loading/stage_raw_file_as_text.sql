{#- Reads one raw CSV file into a temporary table whose columns are all text, named as in the
    file's header. Returns a dict: `columns` (the header's column names) and `problem` (none, or why
    the file cannot be read: not found, or a line that is not valid CSV or UTF-8, named by its line
    number and content). Engine-specific: DuckDB reads the file itself and keeps the lines it
    rejects; PostgreSQL's server reads it with COPY (the path must be absolute and readable by the
    server), against the declared column list, and stops at the first bad line itself. -#}
{% macro stage_raw_file_as_text(text_table, file_path, columns, table_label) -%}
    {{ return(adapter.dispatch('stage_raw_file_as_text', 'revops')(text_table, file_path, columns, table_label)) }}
{%- endmacro %}

{% macro duckdb__stage_raw_file_as_text(text_table, file_path, columns, table_label) -%}
    {%- set where = 'source ' ~ table_label ~ ' (' ~ file_path ~ '): ' -%}
    {%- set found = run_query('select count(*) from glob(' ~ sql_string_literal(file_path) ~ ')') -%}
    {%- if found.rows[0][0] == 0 -%}
        {{ return({'columns': [], 'problem': where ~ 'file not found'}) }}
    {%- endif -%}
    {%- set rejects_table = text_table ~ '__rejects' -%}
    {%- call statement('stage_raw_file') -%}
        create or replace temporary table {{ text_table }} as
        select * from read_csv(
            {{ sql_string_literal(file_path) }},
            header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
            store_rejects = true,
            rejects_table = {{ sql_string_literal(rejects_table) }},
            rejects_scan = {{ sql_string_literal(rejects_table ~ '_scans') }}
        )
    {%- endcall -%}
    {%- set rejected = run_query(
        'select line, error_type, csv_line from ' ~ rejects_table ~ ' order by line limit 5'
    ) -%}
    {%- if rejected.rows | length > 0 -%}
        {%- set lines = [] -%}
        {%- for row in rejected.rows -%}
            {%- do lines.append('line ' ~ row[0] ~ ': ' ~ row[1] | lower ~ ', the line reads ' ~ (row[2] | string)[:200]) -%}
        {%- endfor -%}
        {{ return({'columns': [], 'problem': where ~ 'unreadable CSV (the file must be UTF-8, comma-separated, double-quoted): ' ~ lines | join('; ')}) }}
    {%- endif -%}
    {{ return({'columns': run_query('select * from ' ~ text_table ~ ' limit 0').column_names | list, 'problem': none}) }}
{%- endmacro %}

{% macro postgres__stage_raw_file_as_text(text_table, file_path, columns, table_label) -%}
    {%- set found = run_query('select (pg_stat_file(' ~ sql_string_literal(file_path) ~ ', true)).size is not null') -%}
    {%- if not found.rows[0][0] -%}
        {{ return({'columns': [], 'problem': 'source ' ~ table_label ~ ': file ' ~ file_path ~ ' not found by the server (use an absolute path it can read)'}) }}
    {%- endif -%}
    {%- call statement('stage_raw_file') -%}
        drop table if exists {{ text_table }};
        create temporary table {{ text_table }} (
        {%- for column in columns %}
            {{ adapter.quote(column.name) }} text{{ ',' if not loop.last }}
        {%- endfor %}
        );
        copy {{ text_table }} from {{ sql_string_literal(file_path) }} with (format csv, header match)
    {%- endcall -%}
    {{ return({'columns': columns | map(attribute='name') | list, 'problem': none}) }}
{%- endmacro %}
