{#- Loads every raw table declared in the sources YAML from `<raw_data_dir>/<source>/<table>.csv`
    (or `.parquet`, on DuckDB and Spark) into the source's schema, with the column names and `data_type`s the
    YAML declares: the sources YAML is the raw contract, and nothing is guessed from the file. With a
    source adapter switched on (var `using_fivetran_salesforce`, ...; macro source_adapters), the
    raw-contract tables it provides are not loaded and the vendor's tables are, from
    `<raw_data_dir>/<vendor>/<table>.csv` into the vendor's schema.

    Usage: dbt run-operation load_raw_data [--args '{raw_data_dir: path/to/csvs}']
    The directory defaults to $REVOPS_RAW_DATA_DIR, else `seeds` (the committed demo data). With
    `--args '{vendor_tables: false}'` only the native tables load: the vendor's tables are already in
    the warehouse (a Fivetran destination) and are read where they are.

    Every file is read and checked first; only when all pass are the raw tables replaced, all in one
    transaction, so neither a bad file nor a load killed midway leaves some tables new and others
    old. A file that breaks the contract stops the load with one error listing, per file, the
    source, table, file, column and the primary key of the offending rows: a missing file or column,
    a value that does not cast to the declared type, a timestamp without a UTC offset (unless var
    `raw_source_timezones` names the source's zone), an amount beyond var `raw_amount_max_abs`, or
    no rows in a table the contract does not mark `optional`. A table marked `optional` may also
    have no file at all: it loads empty, with a warning. Columns the contract does not know are
    ignored with a warning, as exports grow columns over time. Row-level problems the build can
    survive are the quarantine's (raw_row_fates), not the loader's. -#}
{% macro load_raw_data(raw_data_dir=none, vendor_tables=true) %}
    {%- set raw_data_dir = revops.checked_path(raw_data_dir, 'load_raw_data argument raw_data_dir', 'seeds')
        if raw_data_dir is not none
        else revops.checked_path(env_var('REVOPS_RAW_DATA_DIR', 'seeds'), 'env REVOPS_RAW_DATA_DIR', 'seeds') -%}
    {%- do revops.check_name_vars() -%}
    {%- if vendor_tables is not boolean -%}
        {{ exceptions.raise_compiler_error('load_raw_data: vendor_tables must be true or false, got ' ~ vendor_tables) }}
    {%- endif -%}
    {%- set raw_tables = [] -%}
    {%- for raw_table in graph.sources.values() | sort(attribute='unique_id') if raw_table.package_name == project_name -%}
        {%- if revops.is_raw_contract_table(raw_table) and not revops.raw_table_adapter(raw_table.source_name, raw_table.name)
            or not revops.is_raw_contract_table(raw_table) and vendor_tables -%}
            {%- do raw_tables.append(raw_table) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set timezones = revops.checked_source_timezones(raw_tables) -%}
    {%- set problems = [] -%}
    {%- for raw_table in raw_tables -%}
        {%- set file_stem = raw_data_dir ~ '/' ~ raw_table.source_name ~ '/' ~ raw_table.name -%}
        {%- do problems.extend(revops.check_raw_file(raw_table, file_stem, timezones.get(raw_table.source_name))) -%}
    {%- endfor -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error('raw data error(s), nothing was replaced:\n- ' ~ problems | join('\n- ')) }}
    {%- endif -%}
    {#- One transaction for every table: a load killed midway replaces none of them. -#}
    {%- for raw_table in raw_tables -%}
        {%- set row_count = revops.replace_raw_table(raw_table, timezones.get(raw_table.source_name)) -%}
        {{ log('loaded ' ~ raw_table.source_name ~ '.' ~ raw_table.name ~ ': ' ~ row_count ~ ' rows from ' ~ raw_data_dir, info=true) }}
    {%- endfor -%}
    {%- do adapter.commit() -%}
{% endmacro %}


{#- var raw_source_timezones, checked: a mapping from a source of the contract to an IANA time zone
    name (letters, digits, '_', '+', '-' and '/'), the zone its offset-less timestamps are in. -#}
{% macro checked_source_timezones(raw_tables) %}
    {%- set timezones = var('raw_source_timezones') or {} -%}
    {%- set source_names = raw_tables | map(attribute='source_name') | unique | list -%}
    {%- if timezones is not mapping -%}
        {{ exceptions.raise_compiler_error('var raw_source_timezones must be a mapping of source name to time zone, got ' ~ timezones) }}
    {%- endif -%}
    {%- for source_name, timezone in timezones.items() -%}
        {%- if source_name not in source_names -%}
            {{ exceptions.raise_compiler_error('var raw_source_timezones names source ' ~ source_name ~ ', which is not in the raw contract (' ~ source_names | join(', ') ~ ')') }}
        {%- endif -%}
        {%- if timezone is not string or not modules.re.fullmatch('[A-Za-z][A-Za-z0-9_+/-]{0,63}', timezone) -%}
            {{ exceptions.raise_compiler_error('var raw_source_timezones: ' ~ source_name ~ ' must map to an IANA time zone name such as America/New_York, got ' ~ timezone) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(timezones) }}
{% endmacro %}


{#- Reads one raw file into a text table and checks it against the contract; returns the problems
    found (empty when the file is good). The text table stays for replace_raw_table. -#}
{% macro check_raw_file(raw_table, file_stem, timezone) %}
    {%- set table_label = raw_table.source_name ~ '.' ~ raw_table.name -%}
    {%- set columns = raw_table.columns.values() | list -%}
    {%- set meta = revops.raw_table_meta(raw_table.source_name, raw_table.name) -%}
    {%- for column in columns if not column.data_type -%}
        {{ exceptions.raise_compiler_error('raw contract: column ' ~ column.name ~ ' of source ' ~ table_label ~ ' declares no data_type') }}
    {%- endfor -%}

    {#- 1. The file, every value as text, in a temporary table. -#}
    {%- set text_table = revops.raw_text_table(raw_table) -%}
    {%- set staged = revops.stage_raw_file_as_text(text_table, file_stem, columns, table_label) -%}
    {%- if staged.missing and meta.optional -%}
        {{ log('warning: ' ~ staged.problem ~ '; the table is optional and loads empty', info=true) }}
        {%- set empty_columns = [] -%}
        {%- for column in columns -%}
            {%- do empty_columns.append('cast(null as ' ~ dbt.type_string() ~ ') as ' ~ adapter.quote(column.name)) -%}
        {%- endfor -%}
        {%- call statement('stage_missing_optional_file') -%}
            {{ revops.create_text_table(text_table, 'select ' ~ empty_columns | join(', ') ~ ' where 1 = 0') }}
        {%- endcall -%}
        {{ return([]) }}
    {%- elif staged.problem -%}
        {{ return([staged.problem]) }}
    {%- endif -%}
    {%- set where = 'source ' ~ table_label ~ ' (' ~ staged.file_path ~ '): ' -%}

    {#- 2. Every declared column is in the file. -#}
    {%- set file_columns_lower = staged.columns | map('lower') | list -%}
    {%- set declared_lower = columns | map(attribute='name') | map('lower') | list -%}
    {%- set missing = [] -%}
    {%- for column in columns if column.name | lower not in file_columns_lower -%}
        {%- do missing.append(column.name) -%}
    {%- endfor -%}
    {%- if missing -%}
        {{ return([where ~ 'missing column(s) ' ~ missing | join(', ') ~ '; the file has ' ~ staged.columns | join(', ')]) }}
    {%- endif -%}
    {%- for extra in staged.columns if extra | lower not in declared_lower -%}
        {{ log('warning: ' ~ where ~ 'column ' ~ extra ~ ' is not in the raw contract and is not loaded', info=true) }}
    {%- endfor -%}

    {#- 3. Rows, where the contract requires them. -#}
    {%- set row_count = run_query('select count(*) from ' ~ text_table).rows[0][0] -%}
    {%- if row_count == 0 and not meta.optional -%}
        {{ return([where ~ 'the file has no rows, and the contract requires them (only tables with meta.optional may be empty)']) }}
    {%- endif -%}

    {#- 4. Every value casts to its declared type, timestamps carry an offset (or the source has a
        time zone), amounts stay within var raw_amount_max_abs, a monthly series (meta.monthly_series:
        FX rates) has no missing month; else name column, key and value. -#}
    {%- set key_expression = revops.raw_key_text(meta.primary_key, quote_columns=true) -%}
    {%- set max_abs = checked_var('raw_amount_max_abs', minimum=1) -%}
    {%- set checks = [] -%}
    {%- for column in columns if column.data_type | lower not in ('varchar', 'text') -%}
        {%- set quoted = adapter.quote(column.name) -%}
        {%- set select_bad = "select " ~ sql_string_literal(column.name) ~ " as column_name, " ~ key_expression
            ~ " as key_value, " ~ quoted ~ " as raw_value, " -%}
        {%- set from_text = " from " ~ text_table ~ " where " ~ quoted ~ " is not null and " -%}
        {%- set problem_type = "'is not a valid " ~ column.data_type ~ "'" -%}
        {%- do checks.append(select_bad ~ problem_type ~ " as problem" ~ from_text ~ revops.is_not_castable(quoted, column.data_type)) -%}
        {%- if column.data_type | lower == 'timestamptz' and not timezone -%}
            {%- do checks.append(select_bad ~ "'has no UTC offset (set var raw_source_timezones for source " ~ raw_table.source_name
                ~ ")' as problem" ~ from_text ~ "not " ~ revops.has_utc_offset(quoted)) -%}
        {%- endif -%}
        {%- if column.name in meta.amount_columns -%}
            {%- do checks.append(select_bad ~ "'is beyond var raw_amount_max_abs (" ~ max_abs ~ ")' as problem" ~ from_text
                ~ "abs(case when not " ~ revops.is_not_castable(quoted, column.data_type) ~ " then cast(" ~ quoted ~ " as " ~ revops.type_double() ~ ") end) > " ~ max_abs) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if meta.monthly_series -%}
        {%- do checks.append(revops.monthly_series_gaps(text_table, meta.monthly_series, meta.primary_key)) -%}
    {%- endif -%}
    {%- if checks -%}
        {%- set bad_values = run_query('select * from (' ~ checks | join(' union all ') ~ ') as bad_values order by 1, 2 limit 5') -%}
        {%- if bad_values.rows | length > 0 -%}
            {%- set problems = [] -%}
            {%- for row in bad_values.rows -%}
                {%- do problems.append('column ' ~ row[0] ~ ', key ' ~ meta.primary_key | join('|') ~ '=' ~ row[1] ~ ": " ~ ("'" ~ row[2] ~ "' " if row[2] is not none else '') ~ row[3]) -%}
            {%- endfor -%}
            {{ return([where ~ problems | join('; ')]) }}
        {%- endif -%}
    {%- endif -%}
    {{ return([]) }}
{% endmacro %}


{#- The bad-value query (column_name, key_value, raw_value, problem) of a monthly series
    (meta.monthly_series: FX rates): for every value of `series.per`, one row per month from its
    first month to the last month of the file, since a missing FX month would leave amounts
    unconverted. Reads the text table, so it only runs once every value casts. -#}
{% macro monthly_series_gaps(text_table, series, primary_key) -%}
    {%- set key_parts = [] -%}
    {%- for key_column in primary_key -%}
        {%- do key_parts.append('cast(expected.month_start as ' ~ dbt.type_string() ~ ')' if key_column == series.month else 'expected.series_key') -%}
    {%- endfor -%}
    select
        {{ sql_string_literal(series.month) }} as column_name,
        {{ key_parts | join(" || '|' || ") }} as key_value,
        cast(null as {{ dbt.type_string() }}) as raw_value,
        {{ sql_string_literal('has no row: the contract wants one per ' ~ series.per ~ ' and month') }} as problem
    from (
        select series_bounds.series_key, month_starts.month_start
        from (
            select
                {{ adapter.quote(series.per) }} as series_key,
                min(cast({{ adapter.quote(series.month) }} as date)) as first_month
            from {{ text_table }}
            group by {{ adapter.quote(series.per) }}
        ) as series_bounds
        inner join (
            {{ revops.month_starts_between(
                'select min(cast(' ~ adapter.quote(series.month) ~ ' as date)) from ' ~ text_table,
                'select max(cast(' ~ adapter.quote(series.month) ~ ' as date)) from ' ~ text_table
            ) }}
        ) as month_starts
            on month_starts.month_start >= series_bounds.first_month
    ) as expected
    left join {{ text_table }} as present
        on
            expected.series_key = present.{{ adapter.quote(series.per) }}
            and expected.month_start = cast(present.{{ adapter.quote(series.month) }} as date)
    where present.{{ adapter.quote(series.per) }} is null
{%- endmacro %}


{#- The first day of every month from the month of the date `first_query` returns to that of
    `last_query` (each a scalar query), as rows of `month_start`. A series generator is engine SQL,
    so it is dispatched: generate_series with an interval step on DuckDB and PostgreSQL. -#}
{% macro month_starts_between(first_query, last_query) -%}
    {{ return(adapter.dispatch('month_starts_between', 'revops')(first_query, last_query)) }}
{%- endmacro %}

{% macro default__month_starts_between(first_query, last_query) -%}
    select cast(generated.month_start as date) as month_start
    from generate_series(
        cast(({{ first_query }}) as timestamp), cast(({{ last_query }}) as timestamp), interval '1 month'
    ) as generated (month_start)
{%- endmacro %}

{#- Spark has no generate_series table function: sequence() makes the array, explode its rows. -#}
{% macro spark__month_starts_between(first_query, last_query) -%}
    select explode(sequence(
        cast(({{ first_query }}) as date), cast(({{ last_query }}) as date), interval 1 month
    )) as month_start
{%- endmacro %}


{#- The temporary text table a raw file is read into. -#}
{% macro raw_text_table(raw_table) -%}
    {{ return('__raw_text_' ~ raw_table.source_name ~ '__' ~ raw_table.name) }}
{%- endmacro %}


{#- Replaces one raw table by the typed rows of its checked text table; returns the row count. -#}
{% macro replace_raw_table(raw_table, timezone) %}
    {%- set text_table = revops.raw_text_table(raw_table) -%}
    {%- set target_relation = api.Relation.create(database=raw_table.database, schema=raw_table.schema, identifier=raw_table.identifier) -%}
    {%- do adapter.create_schema(target_relation) -%}
    {#- One statement per call: Spark runs no multi-statement text. -#}
    {%- call statement('drop_raw_table') -%}
        {{ revops.drop_raw_table(target_relation) }}
    {%- endcall -%}
    {%- call statement('load_typed_raw_table') -%}
        create table {{ target_relation }} as
        select
        {%- for column in raw_table.columns.values() %}
            {%- set quoted = adapter.quote(column.name) %}
            {%- if column.data_type | lower == 'timestamptz' and timezone %}
            case
                when {{ revops.has_utc_offset(quoted) }} then cast({{ quoted }} as {{ revops.type_timestamptz() }})
                else {{ revops.local_text_to_timestamptz(quoted, timezone) }}
            end as {{ adapter.quote(column.name | lower) }}{{ ',' if not loop.last }}
            {%- else %}
            cast({{ quoted }} as {{ revops.contract_type(column.data_type) }}) as {{ adapter.quote(column.name | lower) }}{{ ',' if not loop.last }}
            {%- endif %}
        {%- endfor %}
        from {{ text_table }}
    {%- endcall -%}
    {%- call statement('drop_text_table') -%}
        {{ revops.drop_text_table(text_table) }}
    {%- endcall -%}
    {%- set analyze = revops.analyze_table(target_relation) | trim -%}
    {%- if analyze -%}
        {%- call statement('analyze_raw_table') -%}
            {{ analyze }}
        {%- endcall -%}
    {%- endif -%}
    {{ return(run_query('select count(*) from ' ~ target_relation).rows[0][0]) }}
{% endmacro %}


{#- The engine's type for a data_type of the raw contract: the contract says varchar and
    timestamptz, which Spark calls string and timestamp; other types are spelled alike everywhere. -#}
{% macro contract_type(data_type) -%}
    {%- if data_type | lower in ('varchar', 'text') -%}
        {{ return(dbt.type_string()) }}
    {%- elif data_type | lower == 'timestamptz' -%}
        {{ return(revops.type_timestamptz()) }}
    {%- endif -%}
    {{ return(data_type) }}
{%- endmacro %}


{#- The instant an offset-less timestamp text means in IANA time zone `timezone` (var
    raw_source_timezones, checked), as the engine's timestamptz. -#}
{% macro local_text_to_timestamptz(text_expression, timezone) -%}
    {{ return(adapter.dispatch('local_text_to_timestamptz', 'revops')(text_expression, timezone)) }}
{%- endmacro %}

{% macro default__local_text_to_timestamptz(text_expression, timezone) -%}
    cast(cast({{ text_expression }} as timestamp) at time zone {{ sql_string_literal(timezone) }} as timestamptz)
{%- endmacro %}

{#- Spark's timestamp is an instant: to_utc_timestamp reads the wall-clock time in the zone. -#}
{% macro spark__local_text_to_timestamptz(text_expression, timezone) -%}
    to_utc_timestamp(cast({{ text_expression }} as timestamp), {{ sql_string_literal(timezone) }})
{%- endmacro %}


{#- The primary key of a raw row as one text value (key columns joined by '|', null as '<null>'),
    for error messages and the quarantine; `quote_columns` for the loader's text tables, whose
    columns keep the file header's case; `prefix` qualifies the columns (`raw_rows.`). -#}
{% macro raw_key_text(primary_key, quote_columns=false, prefix='') -%}
    {%- set parts = [] -%}
    {%- for key_column in primary_key -%}
        {%- do parts.append("coalesce(cast(" ~ prefix ~ (adapter.quote(key_column) if quote_columns else key_column) ~ " as " ~ dbt.type_string() ~ "), '<null>')") -%}
    {%- endfor -%}
    {{ parts | join(" || '|' || ") }}
{%- endmacro %}
