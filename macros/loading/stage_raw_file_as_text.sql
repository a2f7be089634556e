{#- Reads one raw file into a temporary table whose columns are all text, named as in the
    file's header. `file_stem` is the path without its extension: `<stem>.csv`, else
    `<stem>.parquet` (DuckDB and Spark) is read. Returns a dict: `columns` (the file's column names),
    `file_path` (the file read), `problem` (none, or why the file cannot be read: a line that is not valid CSV or UTF-8, named by
    its line number and content) and `missing` (true when neither file exists; `problem` says so).
    Engine-specific: DuckDB reads the file itself and keeps the lines it rejects; on PostgreSQL
    scripts/upload_raw_files.py has sent every file over the connection (a client-side COPY, which
    stops at the first bad line itself) into a text table `raw_upload.<folder>__<table>`, read
    here, so the build role needs no server file privilege; Spark lists the folder (binaryFile) and
    reads the file as a temporary view, a line that does not parse landing in a corrupt-record column. -#}
{% macro stage_raw_file_as_text(text_table, file_stem, columns, table_label) -%}
    {{ return(adapter.dispatch('stage_raw_file_as_text', 'revops')(text_table, file_stem, columns, table_label)) }}
{%- endmacro %}

{% macro duckdb__stage_raw_file_as_text(text_table, file_stem, columns, table_label) -%}
    {%- set found = run_query('select file from glob(' ~ sql_string_literal(file_stem ~ '.csv') ~ ') union all '
        ~ 'select file from glob(' ~ sql_string_literal(file_stem ~ '.parquet') ~ ')') -%}
    {%- if found.rows | length == 0 -%}
        {{ return({'columns': [], 'missing': true, 'problem': 'source ' ~ table_label ~ ': file ' ~ file_stem ~ '.csv (or .parquet) not found'}) }}
    {%- endif -%}
    {%- set file_path = found.rows[0][0] -%}
    {%- set where = 'source ' ~ table_label ~ ' (' ~ file_path ~ '): ' -%}
    {%- if file_path.endswith('.parquet') -%}
        {#- Parquet carries its own types; every column becomes text so the contract checks below
            treat both formats alike. -#}
        {%- call statement('stage_raw_file') -%}
            create or replace temporary table {{ text_table }} as
            select columns(*)::varchar from read_parquet({{ sql_string_literal(file_path) }})
        {%- endcall -%}
        {{ return({'columns': run_query('select * from ' ~ text_table ~ ' limit 0').column_names | list, 'missing': false, 'file_path': file_path, 'problem': none}) }}
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
        {{ return({'columns': [], 'missing': false, 'file_path': file_path, 'problem': where ~ 'unreadable CSV (the file must be UTF-8, comma-separated, double-quoted): ' ~ lines | join('; ')}) }}
    {%- endif -%}
    {{ return({'columns': run_query('select * from ' ~ text_table ~ ' limit 0').column_names | list, 'missing': false, 'file_path': file_path, 'problem': none}) }}
{%- endmacro %}

{% macro postgres__stage_raw_file_as_text(text_table, file_stem, columns, table_label) -%}
    {%- set file_path = file_stem ~ '.csv' -%}
    {%- set folder_and_table = file_stem.split('/')[-2:] | join('__') -%}
    {%- set uploaded = adapter.get_relation(database=target.database, schema='raw_upload', identifier=folder_and_table) -%}
    {%- if uploaded is none -%}
        {{ return({'columns': [], 'missing': true, 'problem': 'source ' ~ table_label ~ ': file ' ~ file_path ~ ' was not uploaded (scripts/upload_raw_files.py uploads the raw directory with a client-side COPY; make build runs it; Parquet loads on DuckDB and Spark only)'}) }}
    {%- endif -%}
    {%- call statement('stage_raw_file') -%}
        drop table if exists {{ text_table }};
        create temporary table {{ text_table }} as select * from {{ uploaded }}
    {%- endcall -%}
    {{ return({'columns': run_query('select * from ' ~ text_table ~ ' limit 0').column_names | list, 'missing': false, 'file_path': file_path, 'problem': none}) }}
{%- endmacro %}

{% macro spark__stage_raw_file_as_text(text_table, file_stem, columns, table_label) -%}
    {%- set folder, table_name = file_stem.rsplit('/', 1) if '/' in file_stem else ('.', file_stem) -%}
    {%- call statement('list_raw_folder') -%}
        create or replace temporary view {{ text_table }}__folder using binaryFile options (path {{ sql_string_literal(folder) }})
    {%- endcall -%}
    {%- set listing = run_query('select path from ' ~ text_table ~ '__folder where path rlike '
        ~ sql_string_literal('/' ~ modules.re.escape(table_name) ~ '[.](csv|parquet)$') ~ ' order by path') -%}
    {%- if listing.rows | length == 0 -%}
        {{ return({'columns': [], 'missing': true, 'problem': 'source ' ~ table_label ~ ': file ' ~ file_stem ~ '.csv (or .parquet) not found'}) }}
    {%- endif -%}
    {%- set file_path = listing.rows[0][0] -%}
    {%- set where = 'source ' ~ table_label ~ ' (' ~ file_path ~ '): ' -%}
    {%- set file_format = 'parquet' if file_path.endswith('.parquet') else 'csv' -%}
    {%- set csv_options = ", header 'true', multiLine 'true', quote '\"', escape '\"', mode 'PERMISSIVE'" if file_format == 'csv' else '' -%}
    {%- call statement('stage_raw_file_header') -%}
        create or replace temporary view {{ text_table }}__file
        using {{ file_format }} options (path {{ sql_string_literal(file_path) }}{{ csv_options }})
    {%- endcall -%}
    {%- set file_columns = run_query('select * from ' ~ text_table ~ '__file limit 0').column_names | list -%}
    {%- if file_format == 'csv' -%}
        {#- Read again with every column as text and a corrupt-record column: a line with more or
            fewer fields than the header, or broken quoting, is named instead of read as nulls. -#}
        {%- set schema = [] -%}
        {%- for name in file_columns -%}
            {%- do schema.append(adapter.quote(name) ~ ' string') -%}
        {%- endfor -%}
        {%- call statement('stage_raw_file') -%}
            create or replace temporary view {{ text_table }}__file ({{ schema | join(', ') }}, _corrupt_record string)
            using csv options (path {{ sql_string_literal(file_path) }}{{ csv_options }})
        {%- endcall -%}
        {#- Read once: the checks run on the cached rows (and Spark reads no corrupt-record column
            alone from a file). -#}
        {%- do run_query('cache table ' ~ text_table ~ '__file') -%}
        {%- set rejected = run_query('select _corrupt_record from ' ~ text_table ~ '__file where _corrupt_record is not null limit 5') -%}
        {%- if rejected.rows | length > 0 -%}
            {%- set lines = [] -%}
            {%- for row in rejected.rows -%}
                {%- do lines.append('the line reads ' ~ (row[0] | string)[:200]) -%}
            {%- endfor -%}
            {{ return({'columns': [], 'missing': false, 'file_path': file_path, 'problem': where ~ 'unreadable CSV (the file must be UTF-8, comma-separated, double-quoted): ' ~ lines | join('; ')}) }}
        {%- endif -%}
        {#- Spark decodes a byte that is not UTF-8 as U+FFFD instead of refusing it. -#}
        {%- set quoted_columns = [] -%}
        {%- for name in file_columns -%}
            {%- do quoted_columns.append(adapter.quote(name)) -%}
        {%- endfor -%}
        {%- set line_text = 'concat_ws(' ~ sql_string_literal(',') ~ ', ' ~ quoted_columns | join(', ') ~ ')' -%}
        {%- set misdecoded = run_query('select ' ~ line_text ~ ' from ' ~ text_table ~ '__file where '
            ~ line_text ~ ' like ' ~ sql_string_literal('%\ufffd%') ~ ' limit 5') -%}
        {%- if misdecoded.rows | length > 0 -%}
            {%- set lines = [] -%}
            {%- for row in misdecoded.rows -%}
                {%- do lines.append('invalid encoding (a byte that is not UTF-8), the line reads ' ~ (row[0] | string)[:200]) -%}
            {%- endfor -%}
            {{ return({'columns': [], 'missing': false, 'file_path': file_path, 'problem': where ~ 'unreadable CSV (the file must be UTF-8, comma-separated, double-quoted): ' ~ lines | join('; ')}) }}
        {%- endif -%}
    {%- endif -%}
    {%- set text_columns = [] -%}
    {%- for name in file_columns -%}
        {%- do text_columns.append('cast(' ~ adapter.quote(name) ~ ' as string) as ' ~ adapter.quote(name)) -%}
    {%- endfor -%}
    {%- call statement('stage_raw_file_text') -%}
        {{ revops.create_text_table(text_table, 'select ' ~ text_columns | join(', ') ~ ' from ' ~ text_table ~ '__file') }}
    {%- endcall -%}
    {{ return({'columns': file_columns, 'missing': false, 'file_path': file_path, 'problem': none}) }}
{%- endmacro %}
