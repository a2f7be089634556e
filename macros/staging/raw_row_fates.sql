{#- The body of one CTE of audit_raw_row_fates: every row of one raw table with what staging does
    with it, decided from the raw contract (the table's `config.meta` in the sources YAML, read by
    `raw_table_meta`). `_row_fate` is one of:
    - `staged`: the latest synced version of its key, passing every row check: staging keeps it.
      A soft-deleted row is staged too (flag `_is_deleted`, time `_deleted_at`): a deletion never
      rewrites history; models that show current state leave deleted rows out from `_deleted_at`.
    - `superseded`: an older synced version of a key, or an identical copy of its latest version.
    - `entry_error`: the latest version is soft-deleted within var `soft_delete_grace_days` of its
      creation (`meta.created_at_column`): a record entered by mistake (a duplicate lead, an
      account created twice) is removed from history as if it never existed.
    - `quarantined`: set aside with `_reject_reason` and `_reject_column` (doc
      `quarantine_reason_code`): a null key or `_loaded_at`, two different versions synced at the
      same `_loaded_at`, or a failed row check of `meta.row_checks`.
    Row checks, each `{column, reason}` and one rule, evaluated on the raw columns in order (the
    first failure is the reason):
    - `valid_when`: a SQL condition over the raw columns that a valid row meets (null counts as met);
    - `references: <source>.<table>`: the value is null or a key of that table that is staged or was
      removed as an entry error, read from `parent_ctes['<source>.<table>']`, the CTE of the parent's
      fates (a child of a quarantined row is quarantined too);
    - `accepted_values: [...]`: the value, normalised by `normalize_enum`, is null or in the list;
    - `known_currency: true`: the value is null, the reporting currency, or a currency with FX rates;
    - `not_after_load: true`: the timestamp is null or not after the row's `_loaded_at` (an event
      cannot happen after the export that carries it);
    - `price_multiple: {price: <column>, quantity: <column>}`: |value| is at most var
      `implausible_amount_factor` times the referenced billing price's unit amount × quantity. -#}
{% macro raw_row_fates(source_name, table_name, parent_ctes) %}
    {%- set meta = raw_table_meta(source_name, table_name) -%}
    {%- set key_columns = meta.primary_key -%}
    {%- set deleted = meta.soft_delete_condition -%}
    {%- set grace_days = checked_var('soft_delete_grace_days', minimum=0) -%}
    {%- set row_checks = meta.get('row_checks') or [] -%}
    {%- set key_partition = key_columns | join(', ') -%}
    select
        decided.*,
        case
            when _failed_check is not null then 'quarantined'
            when _loaded_at < _latest_loaded_at or _copy_number > 1 then 'superseded'
            {%- if deleted and meta.get('created_at_column') %}
                when
                    _is_deleted
                    and _first_deleted_loaded_at
                    <= {{ dbt.dateadd('day', grace_days, 'cast(' ~ meta.created_at_column ~ ' as ' ~ dbt.type_timestamp() ~ ')') }}
                    then 'entry_error'
            {%- endif %}
            else 'staged'
        end as _row_fate,
        case _failed_check
            when -1 then 'null_key'
            when 0 then 'conflicting_versions'
            {%- for check in row_checks %}
                when {{ loop.index }} then {{ sql_string_literal(check.reason) }}
            {%- endfor %}
        end as _reject_reason,
        case _failed_check
            when -1 then {{ sql_string_literal(key_columns | first) }}
            when 0 then '_loaded_at'
            {%- for check in row_checks %}
                when {{ loop.index }} then {{ sql_string_literal(check.column) }}
            {%- endfor %}
        end as _reject_column,
        case when _is_deleted then _first_deleted_loaded_at end as _deleted_at
    from (
        {#- The first failing check, by its position in meta.row_checks; each condition is written
            once. Older versions and copies are superseded before any check. -#}
        select
            versioned.*,
            case
                when versioned._has_null_key then -1
                when versioned._loaded_at < versioned._latest_loaded_at or versioned._copy_number > 1 then null
                when versioned._has_conflicting_copy then 0
                {%- for check in row_checks %}
                    when not coalesce({{ row_check_condition(check, source_name, parent_ctes) }}, true) then {{ loop.index }}
                {%- endfor %}
            end as _failed_check
        from (
            select
                raw_rows.*,
                ({%- for key_column in key_columns %}{{ key_column }} is null or {% endfor %}_loaded_at is null) as _has_null_key,
                max(_loaded_at) over (partition by {{ key_partition }}) as _latest_loaded_at,
                min(_row_fingerprint) over (partition by {{ key_partition }}, _loaded_at)
                != max(_row_fingerprint) over (partition by {{ key_partition }}, _loaded_at) as _has_conflicting_copy,
                row_number() over (partition by {{ key_partition }}, _loaded_at, _row_fingerprint order by _row_key) as _copy_number,
                {%- if deleted %}
                    coalesce({{ deleted }}, false) as _is_deleted,
                    min(case when coalesce({{ deleted }}, false) then _loaded_at end)
                        over (partition by {{ key_partition }}) as _first_deleted_loaded_at
                {%- else %}
                    false as _is_deleted,
                    cast(null as {{ dbt.type_timestamp() }}) as _first_deleted_loaded_at
                {%- endif %}
            from (
                select
                    raw_table.*,
                    {{ raw_key_text(key_columns) }} as _row_key,
                    {{ row_fingerprint('raw_table') }} as _row_fingerprint
                from {{ raw_relation(source_name, table_name) }} as raw_table
            ) as raw_rows
        ) as versioned
    ) as decided
{% endmacro %}


{#- The SQL condition one row check of the raw contract states (see raw_row_fates): true or null for
    a valid row. -#}
{% macro row_check_condition(check, source_name, parent_ctes) -%}
    {%- set column = 'versioned.' ~ adapter.quote(check.column | lower) -%}
    {%- if check.valid_when -%}
        ({{ check.valid_when }})
    {%- elif check.references -%}
        {%- set parent_source, parent_table = check.references.split('.') -%}
        {%- set parent_key = raw_table_meta(parent_source, parent_table).primary_key | first -%}
        ({{ column }} is null or {{ column }} in (
            select parent_fates.{{ parent_key }}
            from {{ parent_ctes[check.references] }} as parent_fates
            where parent_fates._row_fate in ('staged', 'entry_error')
        ))
    {%- elif check.accepted_values -%}
        ({{ normalize_enum(column) }} in ({% for value in check.accepted_values %}{{ sql_string_literal(value) }}{{ ', ' if not loop.last }}{% endfor %}))
    {%- elif check.known_currency -%}
        (upper(trim({{ column }})) = {{ sql_string_literal(checked_string_var('reporting_currency', '[A-Z]{3}', 'USD')) }} or upper(trim({{ column }})) in (
            select upper(trim(fx_rates.currency)) from {{ raw_relation('revops', 'fx_rates') }} as fx_rates
        ))
    {%- elif check.not_after_load -%}
        ({{ column }} <= versioned._loaded_at)
    {%- elif check.price_multiple -%}
        {%- set factor = checked_var('implausible_amount_factor', above=1, whole_number=false) -%}
        {%- set price_column = 'versioned.' ~ adapter.quote(check.price_multiple.price | lower) -%}
        {%- set quantity_column = 'versioned.' ~ adapter.quote(check.price_multiple.quantity | lower) -%}
        ({{ price_column }} is null or abs({{ column }}) <= {{ factor }} * (
            select max(prices.unit_amount) from {{ raw_relation('billing', 'prices') }} as prices
            where prices.id = {{ price_column }}
        ) * greatest(coalesce({{ quantity_column }}, 1), 1))
    {%- else -%}
        {{ exceptions.raise_compiler_error('raw contract: row check ' ~ check ~ ' of source ' ~ source_name ~ ' names no rule (valid_when, references, accepted_values, known_currency, not_after_load, price_multiple)') }}
    {%- endif -%}
{%- endmacro %}


{#- The raw tables of audited_raw_tables() in an order where every table comes after the tables its
    row checks reference (the CTE order of audit_raw_row_fates), as (source, table) pairs. -#}
{% macro raw_tables_in_reference_order() %}
    {%- set ordered = [] -%}
    {%- set placed = [] -%}
    {%- set pending = audited_raw_tables() | list -%}
    {%- for _ in range(pending | length) -%}
        {%- for raw_table in pending | list -%}
            {%- set parents = [] -%}
            {%- for check in raw_table_meta(raw_table[0], raw_table[1]).get('row_checks') or [] if check.references -%}
                {%- do parents.append(check.references) -%}
            {%- endfor -%}
            {%- if parents | reject('in', placed) | list | length == 0 -%}
                {%- do ordered.append(raw_table) -%}
                {%- do placed.append(raw_table[0] ~ '.' ~ raw_table[1]) -%}
                {%- do pending.remove(raw_table) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- if pending -%}
        {{ exceptions.raise_compiler_error('raw contract: row_checks references form a cycle among ' ~ pending) }}
    {%- endif -%}
    {{ return(ordered) }}
{% endmacro %}
