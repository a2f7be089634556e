{#- on-run-end: one warning per source, table, column and reason the quarantine set rows aside for,
    with the count and up to five keys, so a build with bad input stays green but never silent.
    Reads audit_quarantined_rows when the command built it (dbt build or run). -#}
{% macro report_quarantined_rows(results) %}
    {%- if not execute or flags.WHICH not in ('build', 'run') -%}
        {{ return('') }}
    {%- endif -%}
    {%- set built = results | selectattr('node.name', 'equalto', 'audit_quarantined_rows')
        | selectattr('status', 'equalto', 'success') | list -%}
    {%- if not built -%}
        {{ return('') }}
    {%- endif -%}
    {%- set node = built[0].node -%}
    {%- set quarantine = api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) -%}
    {%- set listed = run_query(
        'select source_name, table_name, column_name, reason_code, row_key from ('
        ~ 'select *, row_number() over (partition by source_name, table_name, column_name, reason_code'
        ~ ' order by row_key) as key_rank from ' ~ quarantine ~ ') as ranked where key_rank <= 5'
        ~ ' order by source_name, table_name, column_name, reason_code, row_key'
    ) -%}
    {%- set counts = run_query(
        'select source_name, table_name, column_name, reason_code, count(*) from ' ~ quarantine
        ~ ' group by source_name, table_name, column_name, reason_code'
        ~ ' order by source_name, table_name, column_name, reason_code'
    ) -%}
    {%- for group in counts.rows -%}
        {%- set keys = [] -%}
        {%- for row in listed.rows if row[0] == group[0] and row[1] == group[1] and row[2] == group[2] and row[3] == group[3] -%}
            {%- do keys.append(row[4]) -%}
        {%- endfor -%}
        {{ log('WARNING quarantined ' ~ group[4] ~ ' row(s) of source ' ~ group[0] ~ '.' ~ group[1]
            ~ ', column ' ~ group[2] ~ ', reason ' ~ group[3] ~ ', keys ' ~ keys | join(', ')
            ~ (' ...' if group[4] > keys | length else '') ~ ' (see audit.audit_quarantined_rows)', info=true) }}
    {%- endfor -%}
    {{ return('') }}
{% endmacro %}
